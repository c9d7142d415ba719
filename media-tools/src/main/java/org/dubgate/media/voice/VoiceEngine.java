package org.dubgate.media.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A speech engine: which languages it speaks, what its artifacts are (for R5 hashing), and synthesis. */
public interface VoiceEngine {

    /** The engine's name as registered in the model registry, e.g. {@code espeak-ng}. */
    String name();

    /** The engine's version string as its binary reports it. */
    String version() throws EngineException;

    /**
     * Exactly the files this engine runs from — its binary, the libraries of its own package that the
     * binary loads, its voice-data folder — as the engine itself reports them: what the model registry
     * hashes, and a worker re-hashes right before use (R5).
     */
    List<Path> artifacts() throws EngineException;

    /**
     * This engine run from exactly these files and nothing else, once the engine itself confirms that
     * they are all it executes and reads (so a registered artifact cannot be detached from what runs).
     *
     * @throws ArtifactMismatchException naming every difference, when they are not
     */
    VoiceEngine runFrom(List<Path> files) throws EngineException;

    /** The engine voice that speaks a BCP 47 language, if the engine speaks it. */
    Optional<String> voiceFor(String languageTag) throws EngineException;

    /** Speaks {@code text} into {@code wav}, killing the engine after {@code timeout}. */
    Speech synthesize(String text, String languageTag, VoiceSettings settings, Path wav, Duration timeout)
            throws EngineException;
}
