/**
 * Characters and their Life Strands: create, read, list, replace, patch, hide and delete them
 * within the caller's game, stored as validated JSON with a version that is their ETag. Every
 * change is published as {@link dev.gaia.npc.lifestrand.NpcChanged} and
 * {@link dev.gaia.npc.lifestrand.NpcRevised} in its transaction and reported through the outbox
 * ({@code npc.created}, {@code npc.updated}, {@code npc.deleted}). Other features change a
 * Life Strand only through {@link dev.gaia.npc.lifestrand.NpcService}.
 */
@NullMarked
package dev.gaia.npc.lifestrand;

import org.jspecify.annotations.NullMarked;
