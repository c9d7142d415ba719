package org.dubgate.media.script;

import java.util.Locale;
import java.util.Optional;

/** The formats a script can be imported from. */
public enum ScriptFormat {
    SRT, WEBVTT, TTML, JSON;

    /** Guesses from a file name; the content decides in the end (a parser rejects what it cannot read). */
    public static Optional<ScriptFormat> fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".srt")) {
            return Optional.of(SRT);
        }
        if (n.endsWith(".vtt")) {
            return Optional.of(WEBVTT);
        }
        if (n.endsWith(".ttml") || n.endsWith(".xml") || n.endsWith(".dfxp")) {
            return Optional.of(TTML);
        }
        if (n.endsWith(".json")) {
            return Optional.of(JSON);
        }
        return Optional.empty();
    }
}
