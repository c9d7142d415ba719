package org.dubgate.infrastructure.security;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Session tokens: {@code dg1.<payload>.<HMAC-SHA256>}, payload = user id, issued-at and expiry (in
 * microseconds). Stateless, so any node can check them; revocation is by the account's
 * "tokens valid after" instant, which the caller compares with {@link Claims#issuedAt()}.
 */
@ApplicationScoped
public class TokenCodec {

    private static final String PREFIX = "dg1.";
    private static final String KEY_NAME = "session-token-hmac";

    /** The authenticated content of a token whose signature checked out and which has not expired. */
    public record Claims(UUID userId, Instant issuedAt, Instant expiresAt) {
    }

    @Inject
    ServerSecrets secrets;

    private volatile byte[] key;

    public String encode(UUID userId, Instant issuedAt, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(32)
                .putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits())
                .putLong(micros(issuedAt)).putLong(micros(expiresAt));
        String body = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
        return body + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sign(body));
    }

    public Optional<Claims> decode(String token, Instant now) {
        int dot = token.lastIndexOf('.');
        if (!token.startsWith(PREFIX) || dot <= PREFIX.length()) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        byte[] signature;
        byte[] payload;
        try {
            signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            payload = Base64.getUrlDecoder().decode(body.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (payload.length != 32 || !MessageDigest.isEqual(signature, sign(body))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        Claims claims = new Claims(new UUID(b.getLong(), b.getLong()), fromMicros(b.getLong()), fromMicros(b.getLong()));
        return now.isBefore(claims.expiresAt()) ? Optional.of(claims) : Optional.empty();
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.find(KEY_NAME).orElseGet(() -> {
                try {
                    secrets.create(KEY_NAME);
                } catch (EJBException | jakarta.persistence.PersistenceException racedWithAnotherNode) {
                    // another node stored it first: read theirs below
                }
                return secrets.find(KEY_NAME).orElseThrow(() -> new IllegalStateException("no token key"));
            });
            key = k;
        }
        return k;
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
