package dev.gaia.npc;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/** Callers and problem checks shared by the {@code @WebMvcTest} slices of the features. */
public final class WebSliceSupport {

    private WebSliceSupport() {
    }

    /** A signed-in caller of {@code gameId} holding {@code role}, as the gateway's JWT would say. */
    public static JwtRequestPostProcessor as(String role, UUID gameId) {
        return jwt().jwt(token -> token.subject(UUID.randomUUID().toString())
                        .claim("game_id", gameId.toString())
                        .claim("name", role)
                        .claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()));
    }

    /** Asserts an RFC 9457 problem answer with {@code status} and the stable {@code code}. */
    public static void assertProblem(MvcTestResult result, HttpStatus status, String code) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
    }
}
