package org.dubgate.media.qa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the recognizer as a process (argument list, no shell) with its output and log going to files
 * in the work folder, so no reader thread is needed; kills it and its children past the timeout.
 */
final class Recognizer {

    private static final int LOG_LINES = 8;

    private Recognizer() {
    }

    /** The hypotheses it printed, one utterance a line, joined by spaces. */
    static String run(List<String> command, Path work, Duration timeout) throws QaException {
        Path hypotheses = work.resolve("hypotheses.txt");
        Path log = work.resolve("recognizer.log");
        String name = Path.of(command.get(0)).getFileName().toString();
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(hypotheses.toFile())
                    .redirectError(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new QaException(name + " cannot be started (install the Debian package pocketsphinx): "
                    + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new QaException(name + " timed out after " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new QaException(name + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new QaException(name + " failed (exit " + process.exitValue() + "): " + diagnosis(log));
        }
        try {
            return Files.readAllLines(hypotheses, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining(" "));
        } catch (IOException e) {
            throw new QaException("cannot read what " + name + " recognized: " + e.getMessage(), e);
        }
    }

    /** The log's errors, or its last lines when it names none: its INFO chatter runs to several kilobytes. */
    private static String diagnosis(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            List<String> errors = lines.stream().filter(l -> l.startsWith("ERROR") || l.startsWith("FATAL")).toList();
            List<String> shown = errors.isEmpty() ? lines : errors;
            return String.join(" | ", shown.subList(Math.max(0, shown.size() - LOG_LINES), shown.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
