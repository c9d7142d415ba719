package org.dubgate.media.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Entry point: parses a script in a given format and refuses it, with every problem, unless all is well. */
public final class ScriptImporter {

    /** Larger inputs are refused before parsing: a dubbing script is text, not a data dump. */
    public static final int MAX_CHARS = 20 * 1024 * 1024;

    /** Lenient: the cues that could be read and every problem, for conformance checks and previews. */
    public ScriptParse read(ScriptFormat format, String text) {
        if (text.length() > MAX_CHARS) {
            return new ScriptParse(format, List.of(), List.of(new ScriptError("file",
                    "larger than " + MAX_CHARS + " characters")));
        }
        ScriptParse parse = switch (format) {
            case SRT -> new SrtParser().parse(text);
            case WEBVTT -> new WebVttParser().parse(text);
            case TTML -> new TtmlParser().parse(text);
            case JSON -> new JsonScriptParser().parse(text);
        };
        List<ScriptError> errors = new ArrayList<>(parse.errors());
        Set<String> ids = new HashSet<>();
        for (Cue cue : parse.cues()) {
            if (!ids.add(cue.id())) {
                errors.add(new ScriptError("line " + cue.line(), "cue id '" + cue.id() + "' is used twice; ids must be unique"));
            }
            if (cue.start().isNegative()) {
                errors.add(new ScriptError("line " + cue.line(), "negative start time"));
            }
        }
        return new ScriptParse(format, parse.cues(), errors);
    }

    /** Strict: the cues, or a {@link ScriptException} listing every problem. */
    public List<Cue> parse(ScriptFormat format, String text) throws ScriptException {
        ScriptParse parse = read(format, text);
        if (!parse.ok()) {
            throw new ScriptException(parse.errors());
        }
        return parse.cues();
    }

    /** The latest end time, for checking cues against the media's duration. */
    public static Duration lastEnd(List<Cue> cues) {
        return cues.stream().map(Cue::end).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
