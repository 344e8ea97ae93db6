package dev.gaia.npc.relationship;

import java.util.Locale;

import dev.gaia.shared.problem.ProblemException;

/** Who is at the other end of a character's relationship. */
public enum TargetType {
    NPC, PLAYER;

    /** The type as a path names it, in any case. */
    static TargetType parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw ProblemException.badRequest("invalid_target_type",
                    "The target type must be npc or player, not '" + value.substring(0, Math.min(20, value.length()))
                            + "'.");
        }
    }
}
