package dev.gaia.npc.lifestrand;

import org.jspecify.annotations.Nullable;

/**
 * What a list of characters is narrowed to; every part is optional and all given parts must hold.
 *
 * @param name part of the name, in any case
 * @param tag one of the tags, in any case
 * @param occupation part of the background's occupation, in any case
 * @param location part of the background's or the current location, in any case
 */
record NpcFilter(@Nullable String name, @Nullable String tag, @Nullable String occupation,
        @Nullable String location) {
}
