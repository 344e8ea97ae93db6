package dev.gaia.model.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may operate what every game of this deployment shares: the local models in memory (load,
 * unload, reload) and the Ollama server's disk (pull). On a deployment that holds one game, as
 * one cluster per game does, that is its admins, and {@code gaia.model.operator-games} stays
 * empty. A deployment holding several games lists there the games whose admins operate it
 * ({@code GAIA_MODEL_OPERATOR_GAMES}, ids separated by commas); other games' admins may then still
 * read the status and switch their own game's roles, which touch no other game's settings.
 */
@Component
public class SharedModelOperators {

    private final Set<UUID> operatorGames;

    public SharedModelOperators(@Value("${gaia.model.operator-games:}") List<UUID> operatorGames) {
        this.operatorGames = Set.copyOf(operatorGames);
    }

    /**
     * Refuses an admin of a game that does not operate this deployment's shared models.
     *
     * @throws ProblemException 403 {@code shared_models_operators_only}
     */
    public void checkMayOperate(GaiaPrincipal admin, String operation) {
        if (!operatorGames.isEmpty() && !operatorGames.contains(admin.gameId())) {
            throw ProblemException.forbidden("shared_models_operators_only", "To " + operation + " affects every game"
                    + " on this deployment, so only the admins of the games in GAIA_MODEL_OPERATOR_GAMES may do it.");
        }
    }
}
