package org.dubgate.media.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.dubgate.media.json.JsonSupport;
import org.dubgate.media.mix.Assembler;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.Iso639;
import org.dubgate.media.mix.LanguageMix;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.ProgrammeMix;
import org.dubgate.media.mix.Span;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code media-tools dub PLAN.json OUTDIR}: the MIX and ASSEMBLE stages outside the server, on lines
 * already synthesized and time-fitted. Writes {@code <lang>.dialogue.wav}, {@code <lang>.mix.wav} and
 * {@code programme.mkv}, and prints what it made with the time each stage took. Paths in the plan are
 * relative to the plan's folder:
 * <pre>{"source":"film.mp4", "mne":"mne.wav", "length":600.0, "originalLanguage":"eng",
 *  "languages":[{"language":"es", "stems":["actor.wav"],
 *                "lines":[{"audio":"c1.wav", "start":1.5, "end":3.1, "tempo":1.0}]}]}</pre>
 */
final class DubCommand {

    private DubCommand() {
    }

    /** What one language's MIX made, for the report. */
    private record Mixed(String language, String method, Optional<String> flag, long millis) {
    }

    static int run(Path planFile, Path outDir, PrintStream out, PrintStream err) {
        JsonValue plan;
        try {
            plan = JsonSupport.read(Files.readString(planFile, StandardCharsets.UTF_8));
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("media-tools: " + planFile.getFileName() + ": cannot read: " + e.getMessage());
            return MediaToolsCli.UNREADABLE;
        } catch (JsonSupport.JsonSyntaxException e) {
            err.println("media-tools: " + planFile.getFileName() + ": " + e.getMessage());
            return MediaToolsCli.USAGE;
        }
        Path base = planFile.toAbsolutePath().getParent();
        try {
            JsonObject p = object(plan, "the plan");
            Path source = base.resolve(text(p, "source"));
            Optional<Path> mne = Optional.ofNullable(p.get("mne")).filter(m -> m.getValueType() != JsonValue.ValueType.NULL)
                    .map(m -> base.resolve(path(m)));
            Duration length = seconds(p, "length");
            String original = p.get("originalLanguage") instanceof JsonString s ? s.getString() : "und";
            List<Mixed> mixed = new ArrayList<>();
            List<Assembler.DubTrack> tracks = new ArrayList<>();
            for (JsonValue l : list(p, "languages")) {
                JsonObject lang = object(l, "a language");
                String tag = text(lang, "language");
                List<DialogueStem.Line> lines = new ArrayList<>();
                List<Span> spans = new ArrayList<>();
                for (JsonValue o : list(lang, "lines")) {
                    JsonObject line = object(o, "a line");
                    Duration start = seconds(line, "start");
                    lines.add(new DialogueStem.Line(base.resolve(text(line, "audio")), start,
                            line.get("tempo") instanceof JsonNumber t ? t.doubleValue() : 1.0));
                    spans.add(new Span(start, seconds(line, "end")));
                }
                List<DialogueStem.Bed> beds = new ArrayList<>();
                if (lang.get("stems") instanceof JsonArray stems) {
                    stems.forEach(s -> beds.add(DialogueStem.Bed.whole(base.resolve(path(s)))));
                }
                Path stem = outDir.resolve(tag + ".dialogue.wav");
                Path mix = outDir.resolve(tag + ".mix.wav");
                long t0 = System.nanoTime();
                ProgrammeMix.Result result = new LanguageMix(source, mne, length, lines, beds, spans).render(stem, mix);
                mixed.add(new Mixed(tag, result.method(), result.flag().map(Enum::name),
                        (System.nanoTime() - t0) / 1_000_000));
                tracks.add(new Assembler.DubTrack(mix, Iso639.bibliographic(tag),
                        Iso639.englishName(tag) + " dub (AI-generated dialogue)"));
            }
            long t0 = System.nanoTime();
            Path programme = outDir.resolve("programme.mkv");
            Assembler.assemble(source, original, tracks, "manifest.json", programme);
            long assembleMillis = (System.nanoTime() - t0) / 1_000_000;
            out.println(JsonSupport.write(json -> {
                json.writeStartObject().writeStartArray("languages");
                for (Mixed m : mixed) {
                    json.writeStartObject();
                    JsonSupport.text(json, "language", m.language());
                    JsonSupport.text(json, "method", m.method());
                    JsonSupport.text(json, "flag", m.flag().orElse(null));
                    json.write("mixMillis", m.millis()).writeEnd();
                }
                json.writeEnd().write("programme", programme.toString()).write("assembleMillis", assembleMillis)
                        .writeEnd();
            }));
            return MediaToolsCli.OK;
        } catch (IllegalArgumentException e) {
            err.println("media-tools: " + planFile.getFileName() + ": " + e.getMessage());
            return MediaToolsCli.USAGE;
        } catch (MixException e) {
            err.println("media-tools: " + e.getMessage());
            return MediaToolsCli.BAD_MEDIA;
        }
    }

    private static JsonObject object(JsonValue o, String what) {
        if (o instanceof JsonObject m) {
            return m;
        }
        throw new IllegalArgumentException(what + " must be a JSON object");
    }

    private static JsonArray list(JsonObject o, String field) {
        if (o.get(field) instanceof JsonArray l) {
            return l;
        }
        throw new IllegalArgumentException("\"" + field + "\" must be an array");
    }

    private static String text(JsonObject o, String field) {
        if (o.get(field) instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
    }

    /** A path as the plan gives it: a string (any other value is taken as its text, as it always was). */
    private static String path(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    private static Duration seconds(JsonObject o, String field) {
        double d = o.get(field) instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
        if (d >= 0 && d < 1e7) {
            return Duration.ofNanos(Math.round(d * 1e9));
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a number of seconds >= 0");
    }
}
