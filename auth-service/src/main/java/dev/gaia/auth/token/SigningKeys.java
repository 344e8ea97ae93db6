package dev.gaia.auth.token;

import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys this service signs with, loaded once at startup. The first instance to start on an
 * empty database generates the signing key; instances starting at the same time serialise on
 * a PostgreSQL advisory lock, so they all end up signing with that one key.
 */
@Component
class SigningKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** Advisory lock id held while the key table is read or seeded ("gaia-key" in ASCII). */
    private static final long KEY_TABLE_LOCK = 0x676169612d6b6579L;

    private final SigningKeyRepository repository;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private volatile Loaded loaded;

    SigningKeys(SigningKeyRepository repository, JdbcClient jdbc, TransactionTemplate transactions) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        loaded = transactions.execute(status -> loadOrGenerate());
    }

    /** The key new tokens are signed with. */
    ActiveKey active() {
        return loaded.active();
    }

    /** The public halves of all signing keys, so every token issued with any of them verifies. */
    JWKSet publicKeys() {
        return loaded.publicKeys();
    }

    private Loaded loadOrGenerate() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(KEY_TABLE_LOCK).query().listOfRows();
        List<SigningKey> keys = new ArrayList<>(repository.findAllByOrderByCreatedAtDesc());
        SigningKey active = keys.stream().filter(SigningKey::isActive).findFirst().orElseGet(() -> {
            SigningKey generated = repository.save(SigningKey.generate());
            log.info("Generated signing key {}: none existed", generated.getKid());
            keys.addFirst(generated);
            return generated;
        });
        List<JWK> jwks = keys.stream().<JWK>map(SigningKey::toPublicJwk).toList();
        return new Loaded(new ActiveKey(active.getKid(), active.privateKey()), new JWKSet(jwks));
    }

    /**
     * The key that signs.
     *
     * @param kid the key id tokens name in their header
     * @param privateKey the private half
     */
    record ActiveKey(String kid, RSAPrivateKey privateKey) {

        @Override
        public String toString() {
            return "ActiveKey[kid=" + kid + "]";
        }
    }

    private record Loaded(ActiveKey active, JWKSet publicKeys) {
    }
}
