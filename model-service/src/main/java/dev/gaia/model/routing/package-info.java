/** Which provider and which of its models answer a request: roles such as {@code chat} resolved to models. */
@NullMarked
package dev.gaia.model.routing;

import org.jspecify.annotations.NullMarked;
