package org.dubgate.media.cli;

import org.dubgate.media.json.JsonReader;
import org.dubgate.media.json.JsonText;
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
import java.util.Map;
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

    static int run(Path planFile, Path outDir, PrintStream out, PrintStream err) {
        Object plan;
        try {
            plan = JsonReader.read(Files.readString(planFile, StandardCharsets.UTF_8));
            Files.createDirectories(outDir);
        } catch (IOException e) {
            err.println("media-tools: " + planFile.getFileName() + ": cannot read: " + e.getMessage());
            return MediaToolsCli.UNREADABLE;
        } catch (JsonReader.JsonSyntaxException e) {
            err.println("media-tools: " + planFile.getFileName() + ": " + e.getMessage());
            return MediaToolsCli.USAGE;
        }
        Path base = planFile.toAbsolutePath().getParent();
        try {
            Map<?, ?> p = object(plan, "the plan");
            Path source = base.resolve(text(p, "source"));
            Optional<Path> mne = Optional.ofNullable(p.get("mne")).map(m -> base.resolve(m.toString()));
            Duration length = seconds(p, "length");
            String original = p.get("originalLanguage") instanceof String s ? s : "und";
            JsonText report = new JsonText().beginObject().name("languages").beginArray();
            List<Assembler.DubTrack> tracks = new ArrayList<>();
            for (Object l : list(p, "languages")) {
                Map<?, ?> lang = object(l, "a language");
                String tag = text(lang, "language");
                List<DialogueStem.Line> lines = new ArrayList<>();
                List<Span> spans = new ArrayList<>();
                for (Object o : list(lang, "lines")) {
                    Map<?, ?> line = object(o, "a line");
                    Duration start = seconds(line, "start");
                    lines.add(new DialogueStem.Line(base.resolve(text(line, "audio")), start,
                            line.get("tempo") instanceof Double t ? t : 1.0));
                    spans.add(new Span(start, seconds(line, "end")));
                }
                List<DialogueStem.Bed> beds = new ArrayList<>();
                if (lang.get("stems") instanceof List<?> stems) {
                    stems.forEach(s -> beds.add(DialogueStem.Bed.whole(base.resolve(s.toString()))));
                }
                Path stem = outDir.resolve(tag + ".dialogue.wav");
                Path mix = outDir.resolve(tag + ".mix.wav");
                long t0 = System.nanoTime();
                ProgrammeMix.Result result = new LanguageMix(source, mne, length, lines, beds, spans).render(stem, mix);
                report.beginObject().field("language", tag).field("method", result.method())
                        .field("flag", result.flag().map(Enum::name).orElse(null))
                        .field("mixMillis", (System.nanoTime() - t0) / 1_000_000).endObject();
                tracks.add(new Assembler.DubTrack(mix, Iso639.bibliographic(tag),
                        Iso639.englishName(tag) + " dub (AI-generated dialogue)"));
            }
            long t0 = System.nanoTime();
            Path programme = outDir.resolve("programme.mkv");
            Assembler.assemble(source, original, tracks, "manifest.json", programme);
            report.endArray().field("programme", programme.toString())
                    .field("assembleMillis", (System.nanoTime() - t0) / 1_000_000).endObject();
            out.println(report);
            return MediaToolsCli.OK;
        } catch (IllegalArgumentException e) {
            err.println("media-tools: " + planFile.getFileName() + ": " + e.getMessage());
            return MediaToolsCli.USAGE;
        } catch (MixException e) {
            err.println("media-tools: " + e.getMessage());
            return MediaToolsCli.BAD_MEDIA;
        }
    }

    private static Map<?, ?> object(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " must be a JSON object");
    }

    private static List<?> list(Map<?, ?> o, String field) {
        if (o.get(field) instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException("\"" + field + "\" must be an array");
    }

    private static String text(Map<?, ?> o, String field) {
        if (o.get(field) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a non-empty string");
    }

    private static Duration seconds(Map<?, ?> o, String field) {
        if (o.get(field) instanceof Double d && d >= 0 && d < 1e7) {
            return Duration.ofNanos(Math.round(d * 1e9));
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a number of seconds >= 0");
    }
}
