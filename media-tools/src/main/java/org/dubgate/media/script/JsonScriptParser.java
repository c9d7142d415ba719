package org.dubgate.media.script;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.dubgate.media.json.JsonSupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JSON form of a script:
 * <pre>{"cues": [{"id": "12", "start": 1.5, "end": 3.25, "character": "ANNA", "text": "Where were you?"}]}</pre>
 * {@code start} and {@code end} are seconds (numbers) or WebVTT timestamps ({@code "00:01.500"}).
 * Each problem names the cue by its index ({@code cues[3].end}).
 */
final class JsonScriptParser {

    /** A {@code cues} array longer than {@code maxCues} is refused before any cue is looked at. */
    ScriptParse parse(String text, int maxCues) {
        List<Cue> cues = new ArrayList<>();
        List<ScriptError> errors = new ArrayList<>();
        JsonValue root;
        try {
            root = JsonSupport.read(text);
        } catch (JsonSupport.JsonSyntaxException e) {
            errors.add(new ScriptError("json", e.getMessage()));
            return new ScriptParse(ScriptFormat.JSON, cues, errors);
        }
        if (!(root instanceof JsonObject map) || !(map.get("cues") instanceof JsonArray list)) {
            errors.add(new ScriptError("json", "expected an object with a \"cues\" array"));
            return new ScriptParse(ScriptFormat.JSON, cues, errors);
        }
        if (list.size() > maxCues) {
            return ScriptParse.tooManyCues(ScriptFormat.JSON, maxCues);
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "cues[" + i + "]";
            if (!(list.get(i) instanceof JsonObject cue)) {
                errors.add(new ScriptError(path, "expected an object"));
                continue;
            }
            int before = errors.size();
            Optional<Duration> start = time(cue.get("start"), path + ".start", errors);
            Optional<Duration> end = time(cue.get("end"), path + ".end", errors);
            if (!(cue.get("text") instanceof JsonString textValue) || textValue.getString().isBlank()) {
                errors.add(new ScriptError(path + ".text", "required, a non-empty string"));
                continue;
            }
            String t = textValue.getString();
            // absent and null both mean no character
            JsonValue character = cue.get("character");
            if (character != null && character.getValueType() != JsonValue.ValueType.NULL
                    && !(character instanceof JsonString)) {
                errors.add(new ScriptError(path + ".character", "a string when present"));
            }
            if (start.isPresent() && end.isPresent() && end.get().compareTo(start.get()) <= 0) {
                errors.add(new ScriptError(path + ".end", "must be after start"));
            }
            if (errors.size() > before) {
                continue;
            }
            String id = cue.get("id") instanceof JsonString s ? s.getString()
                    : cue.get("id") instanceof JsonNumber d ? String.valueOf((long) d.doubleValue()) : String.valueOf(i + 1);
            Optional<String> who = character instanceof JsonString c ? Optional.of(c.getString().strip()) : Optional.empty();
            cues.add(new Cue(id, start.get(), end.get(), who.filter(c -> !c.isEmpty()), t.strip(), t, i + 1));
        }
        if (cues.isEmpty() && errors.isEmpty()) {
            errors.add(new ScriptError("cues", "no cues"));
        }
        return new ScriptParse(ScriptFormat.JSON, cues, errors);
    }

    private static Optional<Duration> time(JsonValue value, String path, List<ScriptError> errors) {
        double seconds = value instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
        if (seconds >= 0 && seconds < 1e7) {
            return Optional.of(Duration.ofNanos(Math.round(seconds * 1e9)));
        }
        if (value instanceof JsonString s) {
            Timecodes.Cursor c = new Timecodes.Cursor(s.getString().strip());
            Optional<Duration> d = Timecodes.webvtt(c);
            if (d.isPresent() && c.atEnd()) {
                return d;
            }
        }
        errors.add(new ScriptError(path, "required: seconds (a number) or a timestamp like \"00:01.500\""));
        return Optional.empty();
    }
}
