package org.dubgate.domain.model;

/** What re-hashing a model's artifact found, compared with the registry. */
public enum HashState {
    MATCH, MISMATCH, MISSING
}
