package org.dubgate.media.voice;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A speech engine: which languages it speaks, what its artifacts are (for R5 hashing), and synthesis. */
public interface VoiceEngine {

    /** The engine's name as registered in the model registry, e.g. {@code espeak-ng}. */
    String name();

    /** The engine's version string as it reports it. */
    String version() throws EngineException;

    /**
     * The files and folders whose bytes make the engine what it is (binary, voice data): the model
     * registry hashes them, and a worker re-hashes them right before use.
     */
    List<Path> artifacts() throws EngineException;

    /** The engine voice that speaks a BCP 47 language, if the engine speaks it. */
    Optional<String> voiceFor(String languageTag) throws EngineException;

    /** Speaks {@code text} into {@code wav}, killing the engine after {@code timeout}. */
    Speech synthesize(String text, String languageTag, VoiceSettings settings, Path wav, Duration timeout)
            throws EngineException;
}
