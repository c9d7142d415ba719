package org.dubgate.media.cli;

import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.ProbeException;

import org.dubgate.media.json.JsonSupport;
import org.dubgate.media.script.Cue;
import org.dubgate.media.script.ScriptException;
import org.dubgate.media.script.ScriptFormat;
import org.dubgate.media.script.ScriptImporter;
import org.dubgate.media.script.Utf8;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code media-tools probe FILE}: prints the probe as JSON on stdout.
 * {@code media-tools script FILE}: imports a script (SRT, WebVTT, TTML/IMSC or JSON, by extension)
 * and prints its cues as JSON; every problem is printed on stderr, one per line.
 * {@code media-tools loudness FILE [--gate-on CUES.json]}: prints the BS.1770-4 / EBU R 128 loudness
 * as JSON, with the dialogue-gated loudness over the cues when given (see {@link LoudnessCommand}).
 * {@code media-tools check MIX --gate-on CUES.json [--original SOURCE] [LINE ...]}: the audio figures
 * of a language's automatic QA, as the server's CHECK stage gathers them (see {@link CheckCommand}).
 * {@code media-tools avsync VIDEO [AUDIO]}: how far the sound (VIDEO's own, or AUDIO) is offset from the
 * picture, from the speaker's mouth, as JSON (see {@link AvSyncCommand}).
 * {@code media-tools lipsync VIDEO AUDIO --shot START-END ... --params FILE --out FILE}: re-draws the mouth in the
 * shots to AUDIO, GOP-exact, and prints what changed as JSON (see {@link LipSyncCommand}).
 *
 * <p>Exit codes: 0 success; 2 usage error; 3 the file is missing or unreadable; 4 the file is not
 * usable (media: empty, not audio/video, truncated or corrupt; script: any problem, text that is not
 * UTF-8 included); 1 anything unexpected. Every failure prints one line on stderr saying why.
 */
public final class MediaToolsCli {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;
    public static final int BAD_MEDIA = 4;

    private static final String USAGE_TEXT = "usage: media-tools probe FILE | media-tools script FILE.{srt,vtt,ttml,json}"
            + " | media-tools dub PLAN.json OUTDIR | media-tools loudness FILE [--gate-on CUES.json]"
            + " | media-tools check MIX --gate-on CUES.json [--original SOURCE] [LINE ...]"
            + " | " + AvSyncCommand.USAGE + " | " + LipSyncCommand.USAGE;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    private static int script(Path file, PrintStream out, PrintStream err) {
        Optional<ScriptFormat> format = ScriptFormat.fromName(file.getFileName().toString());
        if (format.isEmpty()) {
            err.println("media-tools: " + file.getFileName() + ": unknown script format; use .srt, .vtt, .ttml or .json");
            return USAGE;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println("media-tools: " + file.getFileName() + ": cannot read: " + e.getMessage());
            return UNREADABLE;
        }
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (Utf8.InvalidUtf8Exception e) {
            // read fine, but not a script: its content is the problem (4), not the file (3)
            err.println("media-tools: " + file.getFileName() + ": " + e.getMessage());
            return BAD_MEDIA;
        }
        try {
            List<Cue> cues = new ScriptImporter().parse(format.get(), text);
            out.println(JsonSupport.write(json -> {
                json.writeStartObject().write("format", format.get().name()).writeStartArray("cues");
                for (Cue c : cues) {
                    json.writeStartObject();
                    JsonSupport.text(json, "id", c.id());
                    json.write("start", c.start().toNanos() / 1e9).write("end", c.end().toNanos() / 1e9);
                    JsonSupport.text(json, "character", c.character().orElse(null));
                    JsonSupport.text(json, "text", c.text());
                    json.writeEnd();
                }
                json.writeEnd().writeEnd();
            }));
            return OK;
        } catch (ScriptException e) {
            e.errors().forEach(problem -> err.println("media-tools: " + file.getFileName() + ": " + problem));
            return BAD_MEDIA;
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (args[0].equals("dub") && args.length == 3) {
            return DubCommand.run(Path.of(args[1]), Path.of(args[2]), out, err);
        }
        if (args[0].equals("loudness") && (args.length == 2 || args.length == 4 && args[2].equals("--gate-on"))) {
            try {
                return LoudnessCommand.run(Path.of(args[1]), args.length == 4 ? Path.of(args[3]) : null, out, err);
            } catch (RuntimeException | LinkageError e) {
                err.println("media-tools: unexpected failure: " + e);
                return UNEXPECTED;
            }
        }
        if (args[0].equals("check")) {
            try {
                return CheckCommand.run(args, out, err);
            } catch (RuntimeException | LinkageError e) {
                err.println("media-tools: unexpected failure: " + e);
                return UNEXPECTED;
            }
        }
        if (args[0].equals("avsync")) {
            try {
                return AvSyncCommand.run(args, out, err);
            } catch (RuntimeException | LinkageError e) {
                err.println("media-tools: unexpected failure: " + e);
                return UNEXPECTED;
            }
        }
        if (args[0].equals("lipsync")) {
            try {
                return LipSyncCommand.run(args, out, err);
            } catch (RuntimeException | LinkageError e) {
                err.println("media-tools: unexpected failure: " + e);
                return UNEXPECTED;
            }
        }
        if (!(args[0].equals("probe") || args[0].equals("script")) || args.length != 2) {
            err.println("media-tools: unknown command or wrong arguments; " + USAGE_TEXT);
            return USAGE;
        }
        if (args[0].equals("script")) {
            return script(Path.of(args[1]), out, err);
        }
        try {
            MediaProbe probe = new MediaProber().probe(Path.of(args[1]));
            out.println(probe.toJson());
            return OK;
        } catch (ProbeException e) {
            err.println("media-tools: " + e.reason() + ": " + e.getMessage());
            return e.reason().isContentProblem() ? BAD_MEDIA : UNREADABLE;
        } catch (RuntimeException | LinkageError e) {
            err.println("media-tools: unexpected failure: " + e);
            return UNEXPECTED;
        }
    }
}
