package org.dubgate.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per node and for a short time, that a username/password pair matched a stored hash, so
 * HTTP Basic clients are not charged a full PBKDF2 run on every request. The key covers the stored
 * hash too: a password change or reset makes old entries unreachable at once. Disabled accounts are
 * refused before the cache is consulted.
 */
@ApplicationScoped
public class CredentialCache {

    private static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private Duration ttl;
    private Clock clock;

    protected CredentialCache() {
        // for CDI proxies
    }

    @Inject
    public CredentialCache(@ConfigProperty(name = "dubgate.auth.basic-cache-seconds", defaultValue = "300") long seconds,
                           Clock clock) {
        this.ttl = Duration.ofSeconds(seconds);
        this.clock = clock;
    }

    public boolean recentlyVerified(String username, String password, String storedHash) {
        Instant until = verified.get(key(username, password, storedHash));
        return until != null && clock.instant().isBefore(until);
    }

    public void remember(String username, String password, String storedHash) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(until -> !now.isBefore(until));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key(username, password, storedHash), clock.instant().plus(ttl));
    }

    private static String key(String username, String password, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{username, password, storedHash}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
