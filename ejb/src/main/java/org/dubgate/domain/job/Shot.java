package org.dubgate.domain.job;

import java.time.Duration;

/** A stretch of the programme's picture whose on-screen mouth a LIP_SYNC task re-draws, on the source's timeline. */
public record Shot(Duration start, Duration end) {

    /** Lines of one character closer than this are one shot (see {@link JobTarget#shotsOf}). */
    public static final Duration JOIN_WITHIN = Duration.ofSeconds(1);

    public Shot {
        if (end.compareTo(start) <= 0) {
            throw new IllegalArgumentException("a shot ends after it starts: " + start + " to " + end);
        }
    }
}
