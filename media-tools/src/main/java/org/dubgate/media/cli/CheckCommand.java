package org.dubgate.media.cli;

import jakarta.json.stream.JsonGenerator;
import org.dubgate.media.json.JsonSupport;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.mix.Span;
import org.dubgate.media.qa.Dropout;
import org.dubgate.media.qa.LanguageAudit;
import org.dubgate.media.qa.LineFigures;
import org.dubgate.media.qa.QaException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code media-tools check MIX --gate-on CUES.json [--original SOURCE] [LINE ...]}: the audio figures
 * of one language's automatic QA, as the server's CHECK stage gathers them ({@link LanguageAudit}):
 * the full mix's loudness over the cues and the programme, its true peak and runs of full-scale
 * samples, the original's loudness over the same cues, and each line's signal figures. Printed as
 * JSON; the thresholds a delivery profile holds them to are the server's.
 */
final class CheckCommand {

    private CheckCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 4 || !args[2].equals("--gate-on")) {
            err.println("media-tools: usage: media-tools check MIX --gate-on CUES.json [--original SOURCE] [LINE ...]");
            return MediaToolsCli.USAGE;
        }
        Optional<Path> original = Optional.empty();
        int lines = 4;
        if (args.length >= 6 && args[4].equals("--original")) {
            original = Optional.of(Path.of(args[5]));
            lines = 6;
        }
        List<Span> cues;
        try {
            cues = LoudnessCommand.readCues(Path.of(args[3]), err);
        } catch (LoudnessCommand.CueFileException e) {
            return e.exitCode();
        }
        List<Path> linePaths = java.util.Arrays.stream(args, lines, args.length).map(Path::of).toList();
        try {
            LanguageAudit.Figures f = new LanguageAudit().audit(Path.of(args[1]), original, cues, linePaths);
            out.println(JsonSupport.write(json -> {
                json.writeStartObject();
                json.write("mix", parsed(f.mix().toJson()));
                write(json, "mixSamples", f.mixSamples());
                if (f.original().isPresent()) {
                    json.write("original", parsed(f.original().get().toJson()));
                } else {
                    json.writeNull("original");
                }
                json.writeStartArray("lines");
                for (int i = 0; i < f.lines().size(); i++) {
                    json.writeStartObject().write("file", linePaths.get(i).toString());
                    fields(json, f.lines().get(i));
                    json.writeEnd();
                }
                json.writeEnd().writeEnd();
            }));
            return MediaToolsCli.OK;
        } catch (QaException | LoudnessException e) {
            err.println("media-tools: " + e.getMessage());
            return MediaToolsCli.BAD_MEDIA;
        }
    }

    /** The meter's own JSON, to nest it as it is. */
    private static jakarta.json.JsonValue parsed(String json) {
        try {
            return JsonSupport.read(json);
        } catch (JsonSupport.JsonSyntaxException e) {
            throw new IllegalStateException("the meter's JSON did not parse", e);
        }
    }

    private static void write(JsonGenerator json, String name, LineFigures f) {
        json.writeStartObject(name);
        fields(json, f);
        json.writeEnd();
    }

    private static void fields(JsonGenerator json, LineFigures f) {
        JsonSupport.number(json, "durationSeconds", f.durationSeconds());
        JsonSupport.number(json, "peakDbfs", f.peakDbfs());
        JsonSupport.number(json, "activeLevelDbfs", f.activeLevelDbfs());
        json.write("clippedRuns", f.clippedRuns()).write("longestClippedRun", f.longestClippedRun())
                .write("silent", f.silent()).write("empty", f.empty());
        json.writeStartArray("dropoutsAtSeconds");
        for (Dropout d : f.dropouts()) {
            json.write(d.startSeconds());
        }
        json.writeEnd();
    }
}
