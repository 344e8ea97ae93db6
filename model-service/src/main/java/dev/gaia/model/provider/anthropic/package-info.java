/**
 * Anthropic's Messages API as a provider of OpenAI-format chat completions: requests, answers
 * and streamed events translated both ways, including the system prompt, stop reasons, usage
 * and tool calls. A request reaches it by naming {@code anthropic/<model>}.
 */
@NullMarked
package dev.gaia.model.provider.anthropic;

import org.jspecify.annotations.NullMarked;
