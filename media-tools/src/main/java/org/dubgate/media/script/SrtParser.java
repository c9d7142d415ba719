package org.dubgate.media.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SubRip: numbered blocks of a timing line {@code hh:mm:ss,mmm --> hh:mm:ss,mmm} and text. The
 * character comes from the {@code NAME: } prefix convention (see {@link Characters}); basic
 * {@code <i>}/{@code <b>} tags are removed from the text.
 */
final class SrtParser {

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

    /** Stops at block {@code maxCues + 1}: broken blocks count too, so a hostile file cannot pile up errors. */
    ScriptParse parse(String text, int maxCues) {
        List<String> lines = Lines.of(text);
        List<Cue> cues = new ArrayList<>();
        List<ScriptError> errors = new ArrayList<>();
        int blocks = 0;
        int i = 0;
        while (i < lines.size()) {
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i >= lines.size()) {
                break;
            }
            if (++blocks > maxCues) {
                return ScriptParse.tooManyCues(ScriptFormat.SRT, maxCues);
            }
            int blockStart = i;
            String id = lines.get(i).strip();
            String timingLine;
            if (id.contains("-->")) {
                errors.add(new ScriptError("line " + (i + 1), "cue number missing before the timing line"));
                timingLine = id;
                id = String.valueOf(cues.size() + 1);
            } else {
                if (!id.matches("\\d+")) {
                    errors.add(new ScriptError("line " + (i + 1), "expected a cue number, found '" + id + "'"));
                }
                i++;
                timingLine = i < lines.size() ? lines.get(i) : "";
            }
            int timingAt = i + 1;
            i++;
            List<String> payload = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                payload.add(lines.get(i));
                i++;
            }
            String[] parts = timingLine.split("-->", -1);
            Optional<Duration> start = parts.length == 2 ? Timecodes.srt(parts[0]) : Optional.empty();
            Optional<Duration> end = parts.length == 2 ? Timecodes.srt(parts[1].strip().split("\\s+")[0]) : Optional.empty();
            if (start.isEmpty() || end.isEmpty()) {
                errors.add(new ScriptError("line " + timingAt, "malformed timing '" + timingLine
                        + "': expected hh:mm:ss,mmm --> hh:mm:ss,mmm"));
                continue;
            }
            if (end.get().compareTo(start.get()) <= 0) {
                errors.add(new ScriptError("line " + timingAt, "cue end is not after its start"));
            }
            if (payload.isEmpty()) {
                errors.add(new ScriptError("line " + (blockStart + 1), "cue " + id + " has no text"));
                continue;
            }
            String raw = String.join("\n", payload);
            Characters.Split split = Characters.fromPrefix(TAG.matcher(raw).replaceAll(""));
            cues.add(new Cue(id, start.get(), end.get(), split.character(), split.text(), raw, blockStart + 1));
        }
        if (cues.isEmpty() && errors.isEmpty()) {
            errors.add(new ScriptError("file", "no cues"));
        }
        return new ScriptParse(ScriptFormat.SRT, cues, errors);
    }
}
