package dev.gaia.model.local;

import java.util.Map;

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
        given(switches.all()).willReturn(Map.of("summary", "local/bram.gguf", "chat", "local/elena.gguf"));
        ModelRouter router = mock(ModelRouter.class);

        new LocalModelService(mock(LocalModelProvider.class), mock(LocalModelProperties.class), router, switches,
                mock(OutboxWriter.class), mock(TransactionTemplate.class));

        then(router).should().switchRole("summary", "local/bram.gguf");
        then(router).should().switchRole("chat", "local/elena.gguf");
    }
}
