package org.dubgate.domain.media;

/** Lifecycle of an uploaded asset. Only PENDING work is (re)tried; the other states are final. */
public enum MediaState {
    /** Stored, waiting for (or in) probing. */
    PENDING(false, true),
    /** Probed: usable media. */
    READY(true, false),
    /** The content is not usable media (empty, truncated, not audio/video); the reason says why. */
    REJECTED(true, false),
    /** Probing kept failing for reasons outside the content (retries exhausted); the reason says why. */
    FAILED(true, false);

    private final boolean terminal;
    private final boolean retriable;

    MediaState(boolean terminal, boolean retriable) {
        this.terminal = terminal;
        this.retriable = retriable;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean isRetriable() {
        return retriable;
    }
}
