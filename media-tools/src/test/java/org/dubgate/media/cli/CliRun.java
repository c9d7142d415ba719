package org.dubgate.media.cli;

import jakarta.json.JsonObject;
import org.dubgate.media.json.JsonSupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The CLI run in-process as a shell would see it: the exit code, and what it wrote to stdout and stderr. */
final class CliRun {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return MediaToolsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what went to stdout so far, for the next run's output alone. */
    void resetOut() {
        out.reset();
    }

    /** Forgets what went to stderr so far. */
    void resetErr() {
        err.reset();
    }

    /** What it printed, read as one JSON object. */
    JsonObject json() throws Exception {
        return (JsonObject) JsonSupport.read(stdout());
    }
}
