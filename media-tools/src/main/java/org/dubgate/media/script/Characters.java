package org.dubgate.media.script;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SRT speaker convention (SRT has no speaker markup): a cue whose first line starts with an
 * upper-case name and a colon, e.g. {@code ANNA: Where were you?} or {@code DR. LIND: Sit down.},
 * is spoken by that character; the prefix is removed from the text.
 */
final class Characters {

    private static final Pattern PREFIX = Pattern.compile("^([\\p{Lu}][\\p{Lu}\\p{N} .'-]{0,40}):\\s+(.*)$",
            Pattern.DOTALL);

    private Characters() {
    }

    record Split(Optional<String> character, String text) {
    }

    static Split fromPrefix(String text) {
        Matcher m = PREFIX.matcher(text);
        return m.matches() ? new Split(Optional.of(m.group(1).strip()), m.group(2)) : new Split(Optional.empty(), text);
    }
}
