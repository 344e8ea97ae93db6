package dev.gaia.model.local;

import java.util.List;
import java.util.UUID;

import dev.gaia.model.routing.ModelRouter;
import dev.gaia.shared.events.OutboxWriter;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionTemplate;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class LocalModelServiceTests {

    @Test
    void restoresTheRolesSwitchedBeforeTheLastRestart() {
        RoleSwitchRepository switches = mock(RoleSwitchRepository.class);
        UUID oneGame = UUID.randomUUID();
        UUID otherGame = UUID.randomUUID();
        given(switches.all()).willReturn(List.of(
                new RoleSwitchRepository.RoleSwitch(oneGame, "summary", "local/bram.gguf"),
                new RoleSwitchRepository.RoleSwitch(otherGame, "chat", "local/elena.gguf")));
        ModelRouter router = mock(ModelRouter.class);

        new LocalModelService(mock(LocalModelProvider.class), mock(LocalModelProperties.class), router, switches,
                mock(OutboxWriter.class), mock(TransactionTemplate.class));

        then(router).should().switchRole(oneGame, "summary", "local/bram.gguf");
        then(router).should().switchRole(otherGame, "chat", "local/elena.gguf");
    }
}
