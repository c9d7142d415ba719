package org.dubgate.media.lipsync;

/** A lip-sync alteration could not be made: unreadable media, no face in a shot, a model that does not fit. */
public class LipSyncException extends Exception {

    public LipSyncException(String message) {
        super(message);
    }

    public LipSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
