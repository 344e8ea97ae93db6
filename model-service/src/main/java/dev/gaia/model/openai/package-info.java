/**
 * OpenAI's Chat Completions wire format as Gaia accepts it: validated where Gaia reads a field,
 * open for every other field so that clients of OpenAI's API work unchanged.
 */
@NullMarked
package dev.gaia.model.openai;

import org.jspecify.annotations.NullMarked;
