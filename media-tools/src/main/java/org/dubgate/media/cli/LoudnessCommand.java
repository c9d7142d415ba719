package org.dubgate.media.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.dubgate.media.json.JsonSupport;
import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.loudness.LoudnessMeter;
import org.dubgate.media.mix.Span;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.ProbeException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code media-tools loudness FILE [--gate-on CUES.json]}: prints the file's loudness (BS.1770-4 /
 * EBU R 128) as JSON and, with {@code --gate-on}, the dialogue-gated loudness over the cues. The cues
 * file is a JSON array of {@code {"start": s, "end": s}} in seconds, or an object with such an array
 * under {@code "cues"} (what {@code media-tools script} prints, so its output can be passed as it is);
 * other fields are ignored.
 *
 * <p>The file is probed first, so a missing, empty, truncated or non-media file fails as it does
 * for {@code probe}, with the same exit code and line.
 */
final class LoudnessCommand {

    private LoudnessCommand() {
    }

    /** A cue file that cannot be used, with the exit code that says why. */
    static final class CueFileException extends Exception {
        private final int exitCode;

        CueFileException(int exitCode) {
            super(null, null, false, false);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** The cues of a file (what {@code media-tools script} prints), the problem told on {@code err}. */
    static List<Span> readCues(Path cuesFile, PrintStream err) throws CueFileException {
        try {
            return cues(JsonSupport.read(Files.readString(cuesFile, StandardCharsets.UTF_8)));
        } catch (CharacterCodingException e) {
            // read fine, but not JSON text: the cues are wrong (2), not the file (3)
            err.println("media-tools: " + cuesFile.getFileName() + ": not UTF-8 text");
            throw new CueFileException(MediaToolsCli.USAGE);
        } catch (IOException e) {
            err.println("media-tools: " + cuesFile.getFileName() + ": cannot read: " + e.getMessage());
            throw new CueFileException(MediaToolsCli.UNREADABLE);
        } catch (JsonSupport.JsonSyntaxException | IllegalArgumentException e) {
            err.println("media-tools: " + cuesFile.getFileName() + ": " + e.getMessage());
            throw new CueFileException(MediaToolsCli.USAGE);
        }
    }

    static int run(Path file, Path cuesFile, PrintStream out, PrintStream err) {
        List<Span> cues = List.of();
        if (cuesFile != null) {
            try {
                cues = readCues(cuesFile, err);
            } catch (CueFileException e) {
                return e.exitCode();
            }
        }
        try {
            MediaProbe probe = new MediaProber().probe(file);
            if (probe.audioStreams().isEmpty()) {
                err.println("media-tools: " + file.getFileName() + ": no audio stream");
                return MediaToolsCli.BAD_MEDIA;
            }
            Loudness loudness = new LoudnessMeter().measure(file, cues);
            out.println(loudness.toJson());
            return MediaToolsCli.OK;
        } catch (ProbeException e) {
            err.println("media-tools: " + e.reason() + ": " + e.getMessage());
            return e.reason().isContentProblem() ? MediaToolsCli.BAD_MEDIA : MediaToolsCli.UNREADABLE;
        } catch (LoudnessException e) {
            err.println("media-tools: " + e.getMessage());
            return MediaToolsCli.BAD_MEDIA;
        }
    }

    /** The cue spans; what is wrong with the n-th cue is named with its number (from 1). */
    static List<Span> cues(JsonValue doc) {
        JsonArray list;
        if (doc instanceof JsonArray a) {
            list = a;
        } else if (doc instanceof JsonObject o && o.get("cues") instanceof JsonArray a) {
            list = a;
        } else {
            throw new IllegalArgumentException("expected an array of cues, or an object with one under \"cues\"");
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject cue)) {
                throw new IllegalArgumentException("cue " + (i + 1) + " must be an object with \"start\" and \"end\"");
            }
            double start = seconds(cue, "start", i);
            double end = seconds(cue, "end", i);
            if (end < start) {
                throw new IllegalArgumentException("cue " + (i + 1) + " ends (" + end + ") before it starts (" + start + ")");
            }
            spans.add(new Span(Duration.ofNanos(Math.round(start * 1e9)), Duration.ofNanos(Math.round(end * 1e9))));
        }
        return spans;
    }

    private static double seconds(JsonObject cue, String field, int index) {
        if (cue.get(field) instanceof JsonNumber n && n.doubleValue() >= 0 && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("cue " + (index + 1) + ": \"" + field + "\" must be a number of seconds >= 0");
    }
}
