package org.dubgate.media.mix;

/** Audio that could not be read, filtered or written, with the file and step that failed. */
public final class MixException extends Exception {

    public MixException(String message, Throwable cause) {
        super(message, cause);
    }

    public MixException(String message) {
        super(message);
    }
}
