package dev.gaia.model.usage;

import java.util.UUID;

import dev.gaia.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallContextTests {

    @Test
    void takesTheNpcFromItsHeader() {
        UUID npcId = UUID.randomUUID();

        assertThat(CallContext.npcIdFromHeader(npcId.toString())).isEqualTo(npcId);
        assertThat(CallContext.npcIdFromHeader(npcId.toString().toUpperCase())).isEqualTo(npcId);
    }

    @Test
    void leavesTheNpcOutWhenTheHeaderIsAbsent() {
        assertThat(CallContext.npcIdFromHeader(null)).isNull();
        assertThat(CallContext.npcIdFromHeader(" ")).isNull();
    }

    @Test
    void refusesAnythingButAUuid() {
        for (String header : new String[] { "elena", "1-2-3-4-5", "0b6f4a8e-3c1d-4e7a-9f2b-5d8c7e6a1b2c-extra" }) {
            assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> CallContext.npcIdFromHeader(header))
                    .satisfies(problem -> {
                        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(problem.code()).isEqualTo("invalid_npc_id");
                    });
        }
    }
}
