package dev.gaia.auth.token;

import java.util.List;

import org.springframework.data.repository.Repository;

interface SigningKeyRepository extends Repository<SigningKey, String> {

    SigningKey save(SigningKey key);

    List<SigningKey> findAllByOrderByCreatedAtDesc();
}
