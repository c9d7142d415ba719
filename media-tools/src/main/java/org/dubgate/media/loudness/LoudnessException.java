package org.dubgate.media.loudness;

/** A file the meter cannot measure: it has no audio stream, or its audio cannot be opened or decoded. */
public final class LoudnessException extends Exception {

    public LoudnessException(String message) {
        super(message);
    }

    public LoudnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
