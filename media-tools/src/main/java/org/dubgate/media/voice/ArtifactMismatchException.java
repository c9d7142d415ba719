package org.dubgate.media.voice;

/**
 * The files named as an engine's artifact are not exactly the files the engine runs from: hashing
 * them would pin something other than what runs (R5). The message names every difference.
 */
public class ArtifactMismatchException extends EngineException {

    public ArtifactMismatchException(String message) {
        super(message);
    }
}
