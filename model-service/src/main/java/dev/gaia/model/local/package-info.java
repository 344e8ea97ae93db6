/**
 * GGUF models run inside model-service through llama.cpp's Java bindings: the files of the
 * {@code models/} folder, loaded on demand and swapped under a memory budget, answering chat
 * completions as the {@code local/<file>} provider, with admin operations to see and steer them.
 */
@NullMarked
package dev.gaia.model.local;

import org.jspecify.annotations.NullMarked;
