/**
 * Configuration shared by chat-service's features: where the services it calls live, its
 * timeouts and how much history it keeps.
 */
@NullMarked
package dev.gaia.chat.config;

import org.jspecify.annotations.NullMarked;
