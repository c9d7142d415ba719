package org.dubgate.media.voice;

/**
 * An engine that could not produce speech: not installed, refused the input, failed or timed out; or
 * could not be pinned to the files named for it ({@link ArtifactMismatchException}).
 */
public class EngineException extends Exception {

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
