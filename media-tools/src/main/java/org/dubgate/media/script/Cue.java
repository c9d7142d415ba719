package org.dubgate.media.script;

import java.time.Duration;
import java.util.Optional;

/**
 * One timed line of a script. {@code id} is the cue's identifier in its source (kept for
 * re-renders; generated from its position when the source has none); {@code text} is plain text
 * with markup removed and {@code rawText} the payload as written; {@code line} is where it starts.
 */
public record Cue(String id, Duration start, Duration end, Optional<String> character, String text, String rawText,
                  int line) {

    public Duration length() {
        return end.minus(start);
    }
}
