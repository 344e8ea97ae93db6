package dev.gaia.auth.config;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing with Argon2id (16 MiB, 2 passes, 1 lane: Spring Security's 5.8 defaults).
 * bcrypt would cut the 128-character passphrases the policy allows at 72 bytes, and PBKDF2 at
 * a comparable strength costs several times the CPU per login on a small machine. Hashes are
 * stored with their encoder's id, so a stronger setting can be introduced later and old hashes
 * still verify.
 */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
