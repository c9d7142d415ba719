package org.dubgate.media.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point: parses a script in a given format and refuses it, with every problem, unless all is
 * well. A script beyond its {@link ScriptLimits} is refused at once, with only that reason.
 */
public final class ScriptImporter {

    /** Larger inputs are refused before parsing: a dubbing script is text, not a data dump. */
    public static final int MAX_CHARS = 20 * 1024 * 1024;

    private final ScriptLimits limits;

    public ScriptImporter() {
        this(ScriptLimits.DEFAULT);
    }

    public ScriptImporter(ScriptLimits limits) {
        this.limits = limits;
    }

    /** Lenient: the cues that could be read and every problem, for conformance checks and previews. */
    public ScriptParse read(ScriptFormat format, String text) {
        if (text.length() > MAX_CHARS) {
            return ScriptParse.refused(format, new ScriptError("file", "larger than " + MAX_CHARS + " characters"));
        }
        Optional<ScriptError> notUnicode = unpairedSurrogate(text);
        if (notUnicode.isPresent()) {
            return new ScriptParse(format, List.of(), List.of(notUnicode.get()));
        }
        ScriptParse parse = switch (format) {
            case SRT -> new SrtParser().parse(text, limits.maxCues());
            case WEBVTT -> new WebVttParser().parse(text, limits.maxCues());
            case TTML -> new TtmlParser().parse(text, limits.maxCues());
            case JSON -> new JsonScriptParser().parse(text, limits.maxCues());
        };
        if (parse.refused()) {
            return parse;
        }
        List<ScriptError> errors = new ArrayList<>(parse.errors());
        Set<String> ids = new HashSet<>();
        for (Cue cue : parse.cues()) {
            if (!ids.add(cue.id())) {
                errors.add(new ScriptError("line " + cue.line(), "cue id '" + cue.id() + "' is used twice; ids must be unique"));
            }
            if (cue.start().isNegative()) {
                errors.add(new ScriptError("line " + cue.line(), "negative start time"));
            }
            int chars = cue.text().codePointCount(0, cue.text().length());
            if (chars > limits.maxCueChars()) {
                errors.add(new ScriptError("line " + cue.line(), "cue " + cue.id() + ": its text is " + chars
                        + " characters long, more than the " + limits.maxCueChars() + " allowed per cue"));
            }
        }
        return new ScriptParse(format, parse.cues(), errors);
    }

    /**
     * Half a surrogate pair cannot be written as UTF-8 (JSON can still carry one, as {@code \ud800}):
     * such text would be stored and spoken with a '?' in its place, so it is refused, naming where.
     */
    private static Optional<ScriptError> unpairedSurrogate(String text) {
        int line = 1;
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!(c == '\n' && i > 0 && text.charAt(i - 1) == '\r')) {
                    line++;
                }
                column = 0;
                continue;
            }
            column++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(new ScriptError("line " + line, String.format(
                        "an unpaired UTF-16 surrogate (U+%04X) at character %d: not Unicode text", (int) c, column)));
            }
        }
        return Optional.empty();
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
