package org.dubgate.infrastructure.security;

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
 * The token format itself: {@code dg1.<payload>.<HMAC-SHA256>}, payload = user id, issued-at and
 * expiry in microseconds, all base64url. Pure and key-bound, so it is tested without a server.
 */
public final class SignedTokens {

    private static final String PREFIX = "dg1.";
    private static final int PAYLOAD_BYTES = 32;

    /** The content of a token whose signature checked out and which has not expired. */
    public record Claims(UUID userId, Instant issuedAt, Instant expiresAt) {
    }

    private final SecretKeySpec key;

    public SignedTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public String encode(UUID userId, Instant issuedAt, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
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
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(signature, sign(body))) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(payload);
        Claims claims = new Claims(new UUID(b.getLong(), b.getLong()), fromMicros(b.getLong()), fromMicros(b.getLong()));
        return now.isBefore(claims.expiresAt()) ? Optional.of(claims) : Optional.empty();
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
