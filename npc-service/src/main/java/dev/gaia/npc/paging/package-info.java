/**
 * Keyset paging shared by the features that list things page by page: the opaque cursor that
 * marks where a page ends, by the creation time and id of its last item.
 */
@NullMarked
package dev.gaia.npc.paging;

import org.jspecify.annotations.NullMarked;
