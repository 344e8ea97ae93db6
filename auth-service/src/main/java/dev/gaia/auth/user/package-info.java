/**
 * Users of a game: players who register themselves, users an administrator creates with
 * chosen roles, the caller's own account, and the rules names and passwords follow.
 */
@NullMarked
package dev.gaia.auth.user;

import org.jspecify.annotations.NullMarked;
