package org.dubgate.domain.shared;

import java.util.Optional;

/** Small helpers for free-text fields shared by the aggregates. */
public final class Text {

    private Text() {
    }

    /** The trimmed text, or empty when null or blank. */
    public static Optional<String> trimmed(String s) {
        return Optional.ofNullable(s).map(String::strip).filter(t -> !t.isEmpty());
    }

    public static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
