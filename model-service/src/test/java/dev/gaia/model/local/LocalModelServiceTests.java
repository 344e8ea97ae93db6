package dev.gaia.model.local;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gaia.model.routing.ModelRouter;
import dev.gaia.model.security.SharedModelOperators;
import dev.gaia.shared.events.OutboxWriter;
import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class LocalModelServiceTests {

    private final RoleSwitchRepository switches = mock(RoleSwitchRepository.class);
    private final LocalModelFiles files = mock(LocalModelFiles.class);
    private final ModelRouter router = mock(ModelRouter.class);

    @Test
    void restoresTheRolesSwitchedBeforeTheLastRestart() {
        UUID oneGame = UUID.randomUUID();
        UUID otherGame = UUID.randomUUID();
        given(switches.all()).willReturn(List.of(
                new RoleSwitchRepository.RoleSwitch(oneGame, "summary", "local/bram.gguf"),
                new RoleSwitchRepository.RoleSwitch(otherGame, "chat", "local/elena.gguf")));

        start();

        then(router).should().replaceSwitches(Map.of(oneGame, Map.of("summary", "local/bram.gguf"),
                otherGame, Map.of("chat", "local/elena.gguf")));
    }

    @Test
    void leavesOutASwitchToAFileThatIsGone() {
        given(switches.all()).willReturn(List.of(
                new RoleSwitchRepository.RoleSwitch(UUID.randomUUID(), "summary", "local/deleted.gguf")));
        given(files.resolve("deleted.gguf")).willThrow(ProblemException.notFound("local_model_not_found", "gone"));

        start();

        then(router).should().replaceSwitches(Map.of());
    }

    private void start() {
        LocalModelProvider provider = mock(LocalModelProvider.class);
        given(provider.files()).willReturn(files);
        new LocalModelService(provider, mock(LocalModelProperties.class), router, switches, mock(OutboxWriter.class),
                mock(TransactionTemplate.class), new SharedModelOperators(List.of()));
    }
}
