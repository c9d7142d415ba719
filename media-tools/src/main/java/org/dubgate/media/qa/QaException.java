package org.dubgate.media.qa;

/** A line that could not be measured: unreadable audio, or a recognizer missing, failing or timing out. */
public final class QaException extends Exception {

    public QaException(String message) {
        super(message);
    }

    public QaException(String message, Throwable cause) {
        super(message, cause);
    }
}
