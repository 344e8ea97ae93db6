/**
 * An Ollama server as a provider: chat completions through its OpenAI-compatible {@code /v1}
 * for requests naming {@code ollama/<model>}, and its native API for admins: the local models
 * and pulling a model with its progress streamed as newline-delimited JSON.
 */
@NullMarked
package dev.gaia.model.provider.ollama;

import org.jspecify.annotations.NullMarked;
