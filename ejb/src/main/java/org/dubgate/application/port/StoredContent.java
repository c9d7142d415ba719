package org.dubgate.application.port;

/** Bytes that reached storage: their SHA-256 (hex, lower case) is also their address. */
public record StoredContent(String sha256, long sizeBytes) {
}
