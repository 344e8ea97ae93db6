/** npc-service's cross-cutting wiring: how request bodies are read. */
@NullMarked
package dev.gaia.npc.config;

import org.jspecify.annotations.NullMarked;
