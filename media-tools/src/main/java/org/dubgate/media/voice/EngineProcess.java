package org.dubgate.media.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs an engine command with an argument list (no shell), feeds stdin and kills the process tree
 * when it runs past its time. A query's answer is collected from its output ({@link #run}); a
 * synthesis, whose output is a file, runs without any thread of its own ({@link #runWritingFile}).
 */
final class EngineProcess {

    private static final int OUTPUT_LIMIT = 64 * 1024;

    record Result(int exitCode, String stdout, String stderr) {
    }

    private EngineProcess() {
    }

    static Result run(List<String> command, String stdin, Duration timeout) throws EngineException {
        return run(command, Map.of(), stdin, timeout);
    }

    /**
     * Runs with these environment variables changed: a {@code null} value removes the variable (an
     * inherited one must not redirect an engine to files other than the ones it was pinned to).
     */
    static Result run(List<String> command, Map<String, String> environment, String stdin, Duration timeout)
            throws EngineException {
        String name = nameOf(command);
        Process process = start(builder(command, environment), name);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(process.getInputStream(), out);
        Thread errReader = drain(process.getErrorStream(), err);
        feed(process, stdin);
        int exit = await(process, name, timeout, () -> err.toString(StandardCharsets.UTF_8).strip());
        try {
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(name + " was interrupted", e);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs an engine that writes {@code output} itself, with no reader thread: two threads a line
     * cost more than a short line's synthesis. Its standard output is discarded (an engine writing
     * a file prints nothing there); its standard error goes to a file beside {@code output}, read
     * (at most 64 KiB) only when the run failed, and removed either way. The text is written to
     * stdin on this thread and stdin closed: a cue's text (at most 4000 characters) fits the pipe.
     *
     * @throws EngineException when the engine exits non-zero, runs past {@code timeout} or leaves no
     *                         {@code output}, with what it printed on its standard error
     */
    static void runWritingFile(List<String> command, Map<String, String> environment, String stdin,
                               Duration timeout, Path output) throws EngineException {
        String name = nameOf(command);
        Path errors = output.resolveSibling(output.getFileName() + ".err");
        try {
            Process process = start(builder(command, environment)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()), name);
            feed(process, stdin);
            int exit = await(process, name, timeout, () -> printed(errors));
            if (exit != 0) {
                throw new EngineException(name + " failed (exit " + exit + "): " + printed(errors));
            }
            if (!Files.isRegularFile(output)) {
                throw new EngineException(name + " wrote no " + output.getFileName() + " (exit 0): " + printed(errors));
            }
        } finally {
            try {
                Files.deleteIfExists(errors);
            } catch (IOException ignored) {
                // a leftover error file in the work folder harms nothing; the folder is removed with its run
            }
        }
    }

    private static String nameOf(List<String> command) {
        return Path.of(command.get(0)).getFileName().toString();
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        environment.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return builder;
    }

    private static Process start(ProcessBuilder builder, String name) throws EngineException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new EngineException(name + " cannot be started (is it installed?): " + e.getMessage(), e);
        }
    }

    /** Writes the text (if any) to the engine's stdin and closes it, so the engine sees its end. */
    private static void feed(Process process, String stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the engine closed stdin early; its exit code and stderr tell why
        }
    }

    /** The exit code; past the timeout the process tree is killed and the error says what it had printed. */
    private static int await(Process process, String name, Duration timeout, Supplier<String> printed)
            throws EngineException {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                String said = printed.get();
                throw new EngineException(name + " timed out after " + timeout.toMillis() + " ms"
                        + (said.isEmpty() ? "" : ": " + said));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException(name + " was interrupted", e);
        }
    }

    /** The start of what the engine wrote to its error file, or why it cannot be read. */
    private static String printed(Path errors) {
        try (InputStream in = Files.newInputStream(errors)) {
            return new String(in.readNBytes(OUTPUT_LIMIT), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(its error output cannot be read: " + e.getMessage() + ")";
        }
    }

    private static Thread drain(InputStream stream, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try (stream) {
                int n;
                while ((n = stream.read(buf)) > 0) {
                    if (sink.size() < OUTPUT_LIMIT) {
                        sink.write(buf, 0, Math.min(n, OUTPUT_LIMIT - sink.size()));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "engine-output");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
