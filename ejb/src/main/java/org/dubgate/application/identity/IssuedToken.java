package org.dubgate.application.identity;

import java.time.Instant;

/** A session token handed out after one password check, and when it stops working. */
public record IssuedToken(String token, Instant expiresAt) {
}
