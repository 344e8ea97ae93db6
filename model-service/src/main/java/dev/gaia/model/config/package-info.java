/** model-service's configuration: which provider it relays to and how it reaches it. */
@NullMarked
package dev.gaia.model.config;

import org.jspecify.annotations.NullMarked;
