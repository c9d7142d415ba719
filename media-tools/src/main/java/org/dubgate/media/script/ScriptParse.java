package org.dubgate.media.script;

import java.util.List;

/**
 * What a parser read: the cues it could read and every problem it found. A script with any error
 * is refused by {@link ScriptImporter}; conformance checks look at the cues of lenient parses.
 * {@code refused} marks a script rejected as a whole before it was read to the end (beyond a
 * {@link ScriptLimits limit}): its one error says why, and it has no cues.
 */
public record ScriptParse(ScriptFormat format, List<Cue> cues, List<ScriptError> errors, boolean refused) {

    public ScriptParse {
        cues = List.copyOf(cues);
        errors = List.copyOf(errors);
    }

    public ScriptParse(ScriptFormat format, List<Cue> cues, List<ScriptError> errors) {
        this(format, cues, errors, false);
    }

    /** A script refused whole, for one reason. */
    static ScriptParse refused(ScriptFormat format, ScriptError why) {
        return new ScriptParse(format, List.of(), List.of(why), true);
    }

    /** The refusal of a script with one cue more than {@code maxCues}; parsers stop reading there. */
    static ScriptParse tooManyCues(ScriptFormat format, int maxCues) {
        return refused(format, new ScriptError("file", "more than " + maxCues + " cues: at most " + maxCues
                + " per script"));
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
