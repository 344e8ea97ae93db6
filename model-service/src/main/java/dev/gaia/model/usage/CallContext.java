package dev.gaia.model.usage;

import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * Who makes a model call and what it goes to.
 *
 * @param gameId the caller's game, whose budget the call spends
 * @param userId the caller
 * @param npcId the NPC the call speaks for, when the caller says so
 * @param role the role the request named ({@code chat}, {@code summary}, ...), or none when it named a model
 * @param provider the provider that answers, such as {@code openai}
 * @param model the model's name at that provider
 */
public record CallContext(UUID gameId, UUID userId, @Nullable UUID npcId, @Nullable String role, String provider,
        String model) {

    /**
     * The header that names the NPC a call speaks for. chat-service sends it; it is a header
     * rather than OpenAI's {@code metadata} so that it never reaches the provider.
     */
    public static final String NPC_HEADER = "X-Gaia-Npc-Id";

    /** A call of the verified caller. */
    public static CallContext of(GaiaPrincipal caller, @Nullable UUID npcId, @Nullable String role, String provider,
            String model) {
        return new CallContext(caller.gameId(), caller.userId(), npcId, role, provider, model);
    }

    /** The {@value #NPC_HEADER} header's NPC id: absent, or a UUID; anything else is a 400 problem. */
    public static @Nullable UUID npcIdFromHeader(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            UUID npcId = UUID.fromString(header.strip());
            if (npcId.toString().equalsIgnoreCase(header.strip())) {
                return npcId;
            }
        }
        catch (IllegalArgumentException ex) {
            // Answered below, the same as a UUID in a form UUID.fromString merely tolerates.
        }
        throw ProblemException.badRequest("invalid_npc_id",
                "The " + NPC_HEADER + " header must be the NPC's id, a UUID such as"
                        + " 0b6f4a8e-3c1d-4e7a-9f2b-5d8c7e6a1b2c.");
    }
}
