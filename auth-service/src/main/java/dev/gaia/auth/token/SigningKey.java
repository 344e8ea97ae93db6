package dev.gaia.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An RSA key pair that signs access tokens. The public half is published in the JWKS under
 * the key id ({@code kid}) every token names in its header.
 */
@Entity
@Table(name = "signing_keys")
class SigningKey implements Persistable<String> {

    private static final int KEY_SIZE = 2048;

    @Id
    private String kid;

    /** X.509 SubjectPublicKeyInfo, DER. */
    @Column(nullable = false, updatable = false)
    private byte[] publicKey;

    /** PKCS #8, DER. */
    @Column(nullable = false, updatable = false)
    private byte[] privateKey;

    @Column(nullable = false, updatable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean active;

    @Transient
    private boolean persisted;

    protected SigningKey() {
    }

    private SigningKey(String kid, KeyPair pair) {
        this.kid = kid;
        this.publicKey = pair.getPublic().getEncoded();
        this.privateKey = pair.getPrivate().getEncoded();
        this.createdAt = Instant.now();
        this.active = true;
    }

    /** A fresh, active 2048-bit RSA key pair under a new key id. */
    static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return new SigningKey(UUID.randomUUID().toString(), generator.generateKeyPair());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("This JVM cannot generate RSA keys", ex);
        }
    }

    String getKid() {
        return kid;
    }

    boolean isActive() {
        return active;
    }

    RSAPrivateKey privateKey() {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(privateKey));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + kid + " is not a readable RSA private key", ex);
        }
    }

    /** The public half as a JWK, as it is published and used to verify. */
    RSAKey toPublicJwk() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(publicKey));
            return new RSAKey.Builder(key)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Signing key " + kid + " is not a readable RSA public key", ex);
        }
    }

    @Override
    public String getId() {
        return kid;
    }

    @Override
    public boolean isNew() {
        return !persisted;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        persisted = true;
    }
}
