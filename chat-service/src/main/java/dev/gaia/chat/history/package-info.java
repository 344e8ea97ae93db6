/**
 * A conversation's recent history for its prompts: cached in Redis, rebuilt from the
 * PostgreSQL transcript whenever Redis has none or is down.
 */
@NullMarked
package dev.gaia.chat.history;

import org.jspecify.annotations.NullMarked;
