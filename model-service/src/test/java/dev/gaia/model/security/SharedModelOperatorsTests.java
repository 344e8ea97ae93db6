package dev.gaia.model.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import dev.gaia.shared.security.GaiaPrincipal;
import dev.gaia.shared.security.Roles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SharedModelOperatorsTests {

    private static final UUID OPERATING_GAME = UUID.randomUUID();

    @Test
    void letsEveryAdminOperateADeploymentThatNamesNoOperatorGames() {
        assertThatCode(() -> new SharedModelOperators(List.of()).checkMayOperate(admin(UUID.randomUUID()), "unload"))
                .doesNotThrowAnyException();
    }

    @Test
    void letsOnlyTheAdminsOfTheNamedGamesOperateOnceThereAreAny() {
        SharedModelOperators operators = new SharedModelOperators(List.of(OPERATING_GAME));

        assertThatCode(() -> operators.checkMayOperate(admin(OPERATING_GAME), "unload a local model"))
                .doesNotThrowAnyException();
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> operators.checkMayOperate(admin(UUID.randomUUID()), "unload a local model"))
                .satisfies(problem -> {
                    assertThat(problem.status().value()).isEqualTo(403);
                    assertThat(problem.code()).isEqualTo("shared_models_operators_only");
                    assertThat(problem.getMessage())
                            .contains("unload a local model", "GAIA_MODEL_OPERATOR_GAMES");
                });
    }

    private static GaiaPrincipal admin(UUID gameId) {
        return new GaiaPrincipal(UUID.randomUUID(), gameId, "ops", Set.of(Roles.ADMIN), "token");
    }
}
