package org.dubgate.infrastructure.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class SecurityPrimitivesTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.123456Z");

    @Test
    void passwordHashIsSaltedAndVerifies() {
        PasswordHasher hasher = new PasswordHasher(1000);
        String a = hasher.hash("correct horse battery staple");
        String b = hasher.hash("correct horse battery staple");
        assertNotEquals(a, b, "two hashes of one password differ by their salt");
        assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.verify("correct horse battery staple", a));
        assertFalse(hasher.verify("correct horse battery stapler", a));
        assertFalse(hasher.verify("anything", "md5$garbage"));
    }

    @Test
    void hashRecordsItsIterationsSoOldHashesStillVerify() {
        String old = new PasswordHasher(1000).hash("a long enough password");
        assertTrue(new PasswordHasher(5000).verify("a long enough password", old));
    }

    @Test
    void tokenRoundTripsAndRejectsTamperingExpiryAndOtherKeys() {
        SignedTokens tokens = new SignedTokens("k".repeat(32).getBytes());
        UUID user = UUID.randomUUID();
        String token = tokens.encode(user, T0, T0.plusSeconds(60));

        var claims = tokens.decode(token, T0.plusSeconds(1)).orElseThrow();
        assertEquals(user, claims.userId());
        assertEquals(T0, claims.issuedAt(), "issued-at keeps microseconds");

        assertTrue(tokens.decode(token, T0.plusSeconds(60)).isEmpty(), "expired at its expiry instant");
        // change a whole character inside the signature (the last base64 character also carries unused bits)
        int i = token.lastIndexOf('.') + 5;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertTrue(tokens.decode(tampered, T0).isEmpty());
        assertTrue(new SignedTokens("x".repeat(32).getBytes()).decode(token, T0).isEmpty());
        assertTrue(tokens.decode("dg1.not-base64!.x", T0).isEmpty());
        assertTrue(tokens.decode("garbage", T0).isEmpty());
    }

    @Test
    void credentialCacheForgetsOnPasswordChangeAndExpiry() {
        MutableClock clock = new MutableClock(T0);
        CredentialCache cache = new CredentialCache(300, clock);
        cache.remember("mia", "pw-one-is-long", "hash-1");
        assertTrue(cache.recentlyVerified("mia", "pw-one-is-long", "hash-1"));
        assertFalse(cache.recentlyVerified("mia", "pw-two-is-long", "hash-1"), "another password is not cached");
        assertFalse(cache.recentlyVerified("mia", "pw-one-is-long", "hash-2"), "a changed stored hash invalidates");
        clock.advance(Duration.ofSeconds(301));
        assertFalse(cache.recentlyVerified("mia", "pw-one-is-long", "hash-1"), "entries expire");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
