package org.dubgate.media.mix;

import java.time.Duration;

/** A stretch of programme time, [start, end). */
public record Span(Duration start, Duration end) {

    public Span {
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("a span ends before it starts: " + start + " .. " + end);
        }
    }
}
