/**
 * Credential primitives: PBKDF2 password hashes, HMAC-signed session tokens with a key shared by all
 * nodes through the database, and a per-node cache of recent password checks.
 */
package org.dubgate.infrastructure.security;
