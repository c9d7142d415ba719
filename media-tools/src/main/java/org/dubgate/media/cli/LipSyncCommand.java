package org.dubgate.media.cli;

import org.dubgate.media.lipsync.Alteration;
import org.dubgate.media.lipsync.LipSyncException;
import org.dubgate.media.lipsync.MouthWarp;
import org.dubgate.media.lipsync.PictureAlteration;
import org.dubgate.media.mix.Span;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code media-tools lipsync VIDEO AUDIO --shot START-END [--shot ...] --params FILE --out FILE [--stills DIR]
 * [--stats]}: re-draws the performer's mouth in each shot (seconds from the first frame) to AUDIO with the
 * weight-free engine whose parameters are FILE, writes the GOP-exact Matroska to {@code --out} and prints
 * {@link Alteration#toJson()}. {@code --stats} adds one line on stderr: frames, seconds, frames a second and the
 * peak Java heap (the sum of the heap pools' peaks). {@code media-tools lipsync --write-params FILE} writes the
 * default parameters.
 *
 * <p>Exit codes as the other commands: 2 usage, 3 a file missing or unreadable, 4 anything the media or the
 * parameters make impossible (no face, a shot outside the video, a codec that cannot be re-encoded, a bad
 * parameter file), each with one line saying which.
 */
final class LipSyncCommand {

    static final String USAGE = "media-tools lipsync VIDEO AUDIO --shot START-END [--shot ...] --params FILE --out FILE"
            + " [--stills DIR] [--stats] | media-tools lipsync --write-params FILE";

    private LipSyncCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 3 && args[1].equals("--write-params")) {
            try {
                MouthWarp.writeDefaults(Path.of(args[2]));
                return MediaToolsCli.OK;
            } catch (LipSyncException e) {
                err.println("media-tools: " + e.getMessage());
                return MediaToolsCli.UNREADABLE;
            }
        }
        if (args.length < 3 || args[1].startsWith("--") || args[2].startsWith("--")) {
            return usage(err, "give VIDEO and AUDIO first");
        }
        Path video = Path.of(args[1]);
        Path audio = Path.of(args[2]);
        List<Span> shots = new ArrayList<>();
        Path params = null;
        Path target = null;
        Path stills = null;
        boolean stats = false;
        for (int i = 3; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--stats")) {
                stats = true;
                continue;
            }
            if (i + 1 >= args.length) {
                return usage(err, a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--shot" -> {
                    Span s = span(v);
                    if (s == null) {
                        return usage(err, "--shot " + v + ": give START-END in seconds, e.g. 1.5-4.25");
                    }
                    shots.add(s);
                }
                case "--params" -> params = Path.of(v);
                case "--out" -> target = Path.of(v);
                case "--stills" -> stills = Path.of(v);
                default -> {
                    return usage(err, "unknown option " + a);
                }
            }
        }
        if (shots.isEmpty() || params == null || target == null) {
            return usage(err, "--shot, --params and --out are required");
        }
        for (Path p : new Path[]{video, audio, params}) {
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                err.println("media-tools: MISSING: " + p + ": no such readable file");
                return MediaToolsCli.UNREADABLE;
            }
        }
        long started = System.nanoTime();
        try (MouthWarp model = MouthWarp.load(params)) {
            Alteration result = stills == null ? PictureAlteration.alter(video, audio, shots, model, target)
                    : PictureAlteration.alter(video, audio, shots, model, target, stills);
            out.println(result.toJson());
            if (stats) {
                double seconds = (System.nanoTime() - started) / 1e9;
                err.printf(Locale.ROOT, "stats: frames=%d seconds=%.3f fps=%.2f peakHeapMB=%.1f%n", result.framesTotal(),
                        seconds, result.framesTotal() / seconds, peakHeap() / 1048576.0);
            }
            return MediaToolsCli.OK;
        } catch (LipSyncException e) {
            err.println("media-tools: LIPSYNC: " + e.getMessage());
            return MediaToolsCli.BAD_MEDIA;
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** {@code START-END} in seconds, or null. */
    static Span span(String text) {
        int dash = text.indexOf('-', 1);
        if (dash < 0) {
            return null;
        }
        try {
            double a = Double.parseDouble(text.substring(0, dash));
            double b = Double.parseDouble(text.substring(dash + 1));
            if (!(a >= 0) || !(b > a) || Double.isInfinite(b)) {
                return null;
            }
            return new Span(Duration.ofNanos(Math.round(a * 1e9)), Duration.ofNanos(Math.round(b * 1e9)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int usage(PrintStream err, String why) {
        err.println("media-tools: " + why + "; usage: " + USAGE);
        return MediaToolsCli.USAGE;
    }
}
