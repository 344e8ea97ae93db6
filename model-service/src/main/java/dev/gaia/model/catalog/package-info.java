/** The models a caller can name, in OpenAI's {@code GET /v1/models} format. */
@NullMarked
package dev.gaia.model.catalog;

import org.jspecify.annotations.NullMarked;
