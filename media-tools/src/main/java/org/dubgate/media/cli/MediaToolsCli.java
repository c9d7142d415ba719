package org.dubgate.media.cli;

import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.ProbeException;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code media-tools probe FILE}: prints the probe as JSON on stdout.
 *
 * <p>Exit codes: 0 success; 2 usage error; 3 the file is missing or unreadable; 4 the file is not
 * usable media (empty, not audio/video, truncated or corrupt); 1 anything unexpected. Every failure
 * prints one line on stderr saying why.
 */
public final class MediaToolsCli {

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int UNREADABLE = 3;
    public static final int BAD_MEDIA = 4;

    private static final String USAGE_TEXT = "usage: media-tools probe FILE";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        if (!args[0].equals("probe") || args.length != 2) {
            err.println("media-tools: unknown command or wrong arguments; " + USAGE_TEXT);
            return USAGE;
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
