/**
 * Chat completions from model-service in OpenAI's wire format: the streamed request, and the
 * Server-Sent Events of the reply read token by token.
 */
@NullMarked
package dev.gaia.chat.model;

import org.jspecify.annotations.NullMarked;
