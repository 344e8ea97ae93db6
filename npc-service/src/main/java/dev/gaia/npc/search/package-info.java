/**
 * Semantic NPC search: each character's description, built from its Life Strand, embedded
 * through model-service's OpenAI-compatible {@code /v1/embeddings} and kept in pgvector with an
 * HNSW index; the index follows every change of a character and a search ranks the caller's
 * game's characters by meaning.
 */
@NullMarked
package dev.gaia.npc.search;

import org.jspecify.annotations.NullMarked;
