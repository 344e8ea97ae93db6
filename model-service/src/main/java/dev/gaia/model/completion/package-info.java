/** OpenAI-compatible chat completions, answered whole or streamed as server-sent events. */
@NullMarked
package dev.gaia.model.completion;

import org.jspecify.annotations.NullMarked;
