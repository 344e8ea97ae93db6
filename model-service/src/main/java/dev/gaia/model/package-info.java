/**
 * model-service: the only service that touches language models. It speaks the OpenAI wire
 * format inward ({@code /v1/chat/completions}, {@code /v1/models}) and relays each call to the
 * provider configured for it, so every other service can treat it as one OpenAI-compatible server.
 */
@NullMarked
package dev.gaia.model;

import org.jspecify.annotations.NullMarked;
