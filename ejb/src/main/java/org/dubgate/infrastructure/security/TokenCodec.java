package org.dubgate.infrastructure.security;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Session tokens signed with a key kept in the database, so every node issues and accepts the same
 * tokens. Revocation is by the account's "tokens valid after" instant, compared by the caller with
 * {@link SignedTokens.Claims#issuedAt()}.
 */
@ApplicationScoped
public class TokenCodec {

    private static final String KEY_NAME = "session-token-hmac";

    @Inject
    ServerSecrets secrets;

    private volatile SignedTokens tokens;

    public String encode(UUID userId, Instant issuedAt, Instant expiresAt) {
        return tokens().encode(userId, issuedAt, expiresAt);
    }

    public Optional<SignedTokens.Claims> decode(String token, Instant now) {
        return tokens().decode(token, now);
    }

    private SignedTokens tokens() {
        SignedTokens t = tokens;
        if (t == null) {
            byte[] key = secrets.find(KEY_NAME).orElseGet(() -> {
                try {
                    secrets.create(KEY_NAME);
                } catch (EJBException | PersistenceException racedWithAnotherNode) {
                    // another node stored the key first; the read below returns theirs
                }
                return secrets.find(KEY_NAME).orElseThrow(() -> new IllegalStateException("no token key stored"));
            });
            t = new SignedTokens(key);
            tokens = t;
        }
        return t;
    }
}
