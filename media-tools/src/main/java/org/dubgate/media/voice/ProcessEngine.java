package org.dubgate.media.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An engine run as a process from exactly its {@link EngineFiles}. An instance is either the
 * installed engine (its files found on the PATH and from the engine at first use, then always run
 * from those) or an engine pinned by {@link #runFrom} to named files, once the engine itself has
 * confirmed that they are all it executes and reads.
 */
abstract class ProcessEngine implements VoiceEngine {

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(10);

    /** The files named at {@link #runFrom}; {@code null} for the installed engine. */
    private final EngineFiles pinned;
    private volatile EngineFiles found;

    ProcessEngine(EngineFiles pinned) {
        this.pinned = pinned;
    }

    abstract EngineFiles.Kind kind();

    /** This engine, run from these files. */
    abstract ProcessEngine pinnedTo(EngineFiles files);

    /** Whether this answer to {@code --version} says the binary is this engine. */
    abstract boolean identifies(String versionAnswer);

    /** The voice-data folder the engine says, in its {@code --version} answer, that it reads; empty if it reads none. */
    abstract Optional<Path> dataNamedIn(String versionAnswer);

    /** As found now: asked afresh each time, so a registration sees what is installed at that moment. */
    @Override
    public final List<Path> artifacts() throws EngineException {
        return (pinned != null ? pinned : installed()).all();
    }

    @Override
    public final VoiceEngine runFrom(List<Path> named) throws EngineException {
        List<String> problems = new ArrayList<>();
        Optional<EngineFiles> files = EngineFiles.classify(kind(), named, problems);
        if (files.isPresent()) {
            EngineFiles f = files.get();
            String answer = versionAnswer(f);
            if (!identifies(answer)) {
                problems.add(f.binary() + " is not " + name() + " (asked for its version it says: "
                        + answer.strip().lines().findFirst().orElse("nothing") + ")");
            } else {
                problems.addAll(f.differencesFrom(f.loadedLibraries(kind()), dataNamedIn(answer), kind()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ArtifactMismatchException("not exactly what " + name() + " runs from: "
                    + String.join("; ", problems));
        }
        return pinnedTo(files.get());
    }

    /** The files this instance runs from: pinned, or the installed engine's as found at its first use. */
    final EngineFiles files() throws EngineException {
        if (pinned != null) {
            return pinned;
        }
        EngineFiles f = found;
        if (f == null) {
            f = installed();
            found = f;
        }
        return f;
    }

    /** The installed binary and the engine libraries it loads, and the data folder the engine says it reads. */
    private EngineFiles installed() throws EngineException {
        EngineFiles bare = EngineFiles.installed(kind());
        return new EngineFiles(bare.binary(), bare.libraries(), dataNamedIn(versionAnswer(bare)));
    }

    /** Runs this instance's binary with these arguments, from exactly its files. */
    final EngineProcess.Result run(List<String> args, String stdin, Duration timeout) throws EngineException {
        return run(files(), args, stdin, timeout);
    }

    private EngineProcess.Result run(EngineFiles files, List<String> args, String stdin, Duration timeout)
            throws EngineException {
        return EngineProcess.run(command(files, args), files.environment(kind()), stdin, timeout);
    }

    /**
     * Runs this instance's binary, from exactly its files, to write {@code output}: a synthesis, run
     * without reader threads ({@link EngineProcess#runWritingFile}).
     *
     * @throws EngineException when it fails, times out or writes no {@code output}, with the engine's own words
     */
    final void runWritingFile(List<String> args, String stdin, Duration timeout, Path output) throws EngineException {
        EngineFiles files = files();
        EngineProcess.runWritingFile(command(files, args), files.environment(kind()), stdin, timeout, output);
    }

    private static List<String> command(EngineFiles files, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(files.binary().toString());
        command.addAll(args);
        return command;
    }

    /** A query's standard output; a non-zero exit is an error with the engine's own words. */
    final String query(String option) throws EngineException {
        EngineProcess.Result r = run(List.of(option), null, QUERY_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new EngineException(name() + " " + option + " failed: " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** What the binary answers to {@code --version} (flite exits 1 after answering, so the exit code is not asked). */
    final String versionAnswer() throws EngineException {
        return versionAnswer(files());
    }

    private String versionAnswer(EngineFiles files) throws EngineException {
        EngineProcess.Result r = run(files, List.of("--version"), null, QUERY_TIMEOUT);
        return r.stdout() + r.stderr();
    }
}
