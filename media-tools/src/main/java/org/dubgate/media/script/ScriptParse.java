package org.dubgate.media.script;

import java.util.List;

/**
 * What a parser read: the cues it could read and every problem it found. A script with any error
 * is refused by {@link ScriptImporter}; conformance checks look at the cues of lenient parses.
 */
public record ScriptParse(ScriptFormat format, List<Cue> cues, List<ScriptError> errors) {

    public ScriptParse {
        cues = List.copyOf(cues);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
