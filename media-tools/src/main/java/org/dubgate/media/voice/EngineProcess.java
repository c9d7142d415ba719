package org.dubgate.media.voice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an engine command with an argument list (no shell), feeds stdin, collects output and kills
 * the process tree when it runs past its time.
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
        String name = java.nio.file.Path.of(command.get(0)).getFileName().toString();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            environment.forEach((k, v) -> {
                if (v == null) {
                    builder.environment().remove(k);
                } else {
                    builder.environment().put(k, v);
                }
            });
            process = builder.start();
        } catch (IOException e) {
            throw new EngineException(name + " cannot be started (is it installed?): " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = drain(process.getInputStream(), out);
        Thread errReader = drain(process.getErrorStream(), err);
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the engine closed stdin early; its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new EngineException(name + " timed out after " + timeout.toMillis() + " ms");
            }
            outReader.join(5000);
            errReader.join(5000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException(name + " was interrupted", e);
        }
        return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
