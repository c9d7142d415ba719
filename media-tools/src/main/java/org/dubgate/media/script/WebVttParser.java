package org.dubgate.media.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WebVTT (W3C): the {@code WEBVTT} signature, blocks separated by blank lines, an optional cue
 * identifier, a timing line and the cue payload. The character is the first voice span's name,
 * {@code <v Mary>} or {@code <v.loud Mary>}. NOTE, STYLE and REGION blocks are skipped.
 */
final class WebVttParser {

    private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ \\t>]+)*[ \\t]+([^>]+)>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** Stops at cue block {@code maxCues + 1} (broken blocks count too; NOTE, STYLE and REGION do not). */
    ScriptParse parse(String text, int maxCues) {
        List<String> lines = Lines.of(text);
        List<Cue> cues = new ArrayList<>();
        List<ScriptError> errors = new ArrayList<>();
        String signature = lines.isEmpty() ? "" : lines.get(0);
        if (!(signature.equals("WEBVTT") || signature.startsWith("WEBVTT ") || signature.startsWith("WEBVTT\t"))) {
            errors.add(new ScriptError("line 1", "a WebVTT file must start with the line 'WEBVTT'"));
            return new ScriptParse(ScriptFormat.WEBVTT, cues, errors);
        }
        int blocks = 0;
        int i = 1;
        // header lines run to the first blank line
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            if (lines.get(i).contains("-->")) {
                errors.add(new ScriptError("line " + (i + 1), "a cue must be separated from the WEBVTT header by a blank line"));
            }
            i++;
        }
        while (i < lines.size()) {
            while (i < lines.size() && lines.get(i).isEmpty()) {
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            int blockStart = i;
            String first = lines.get(i);
            if (first.startsWith("NOTE") && (first.length() == 4 || first.charAt(4) == ' ' || first.charAt(4) == '\t')
                    || first.equals("STYLE") || first.equals("REGION")) {
                while (i < lines.size() && !lines.get(i).isEmpty()) {
                    i++;
                }
                continue;
            }
            if (++blocks > maxCues) {
                return ScriptParse.tooManyCues(ScriptFormat.WEBVTT, maxCues);
            }
            String id = "";
            if (!first.contains("-->")) {
                id = first;
                i++;
                if (i >= lines.size() || !lines.get(i).contains("-->")) {
                    errors.add(new ScriptError("line " + (blockStart + 1), "a block that is neither a cue nor a NOTE: "
                            + "expected a timing line 'hh:mm:ss.ttt --> hh:mm:ss.ttt' after '" + first + "'"));
                    while (i < lines.size() && !lines.get(i).isEmpty()) {
                        i++;
                    }
                    continue;
                }
            }
            // a cue: timing line, then payload up to a blank line or the next timing line (a cue of its own)
            boolean firstOfBlock = true;
            while (i < lines.size() && lines.get(i).contains("-->")) {
                if (!firstOfBlock && ++blocks > maxCues) {
                    return ScriptParse.tooManyCues(ScriptFormat.WEBVTT, maxCues);
                }
                firstOfBlock = false;
                int timingLine = i;
                Optional<Duration[]> timing = timing(lines.get(i));
                i++;
                List<String> payload = new ArrayList<>();
                while (i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).contains("-->")) {
                    payload.add(lines.get(i));
                    i++;
                }
                if (timing.isEmpty()) {
                    errors.add(new ScriptError("line " + (timingLine + 1), "malformed cue timing '" + lines.get(timingLine)
                            + "': expected [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt"));
                } else {
                    String raw = String.join("\n", payload);
                    cues.add(cue(id.isEmpty() ? String.valueOf(cues.size() + 1) : id, timing.get(), raw, timingLine + 1, errors));
                }
                id = "";
            }
        }
        if (cues.isEmpty() && errors.isEmpty()) {
            errors.add(new ScriptError("file", "no cues"));
        }
        return new ScriptParse(ScriptFormat.WEBVTT, cues, errors);
    }

    private static Optional<Duration[]> timing(String line) {
        Timecodes.Cursor c = new Timecodes.Cursor(line);
        Optional<Duration> start = Timecodes.webvtt(c);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        c.skipWhitespace();
        if (!c.consume("-->")) {
            return Optional.empty();
        }
        c.skipWhitespace();
        return Timecodes.webvtt(c).map(end -> new Duration[]{start.get(), end});
    }

    private static Cue cue(String id, Duration[] timing, String raw, int line, List<ScriptError> errors) {
        if (timing[1].compareTo(timing[0]) <= 0) {
            errors.add(new ScriptError("line " + line, "cue end " + timing[1] + " is not after its start " + timing[0]));
        }
        Matcher voice = VOICE.matcher(raw);
        Optional<String> character = voice.find() ? Optional.of(voice.group(1).strip()) : Optional.empty();
        String plain = TAG.matcher(raw).replaceAll("")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", "\u00a0")
                .replace("&lrm;", "\u200e").replace("&rlm;", "\u200f").replace("&amp;", "&");
        return new Cue(id, timing[0], timing[1], character, plain, raw, line);
    }
}
