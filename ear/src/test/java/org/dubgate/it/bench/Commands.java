package org.dubgate.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The command-line tools the nodes benchmark reads the machine and PostgreSQL with: run, waited for, their output kept. */
final class Commands {

    private Commands() {
    }

    /** What a command printed (stdout and stderr together, as a person would read it) and how it ended. */
    record Output(int exit, String text) {
        /** The output, or a failure naming the command, when it did not end well. */
        String orFail(List<String> command) {
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " ended with " + exit + ":\n" + text);
            }
            return text;
        }
    }

    static Output run(List<String> command, Map<String, String> env, Duration atMost)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        // read on another thread: a command that fills the pipe would otherwise never end
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException gone) {
                // the process was killed: what it printed so far is all there is
            }
        }, "command-output");
        reader.start();
        if (!p.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            reader.join();
            throw new IllegalStateException(String.join(" ", command) + " still running after " + atMost + ":\n" + out);
        }
        reader.join();
        return new Output(p.exitValue(), out.toString());
    }

    static String runOrFail(List<String> command, Map<String, String> env, Duration atMost)
            throws IOException, InterruptedException {
        return run(command, env, atMost).orFail(command);
    }
}
