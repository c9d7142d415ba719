package org.dubgate.infrastructure.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads and creates named secrets, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ServerSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "dubgate")
    private EntityManager em;

    public Optional<byte[]> find(String name) {
        return Optional.ofNullable(em.find(ServerSecret.class, name))
                .map(s -> Base64.getDecoder().decode(s.secret()));
    }

    /** Creates the secret; fails if another node created it first, which the caller resolves by reading again. */
    public void create(String name) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        em.persist(new ServerSecret(name, Base64.getEncoder().encodeToString(key), Instant.now()));
        em.flush();
    }
}
