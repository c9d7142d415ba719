package org.dubgate.media.avsync;

import java.nio.file.Path;

/** Media that cannot be scored for sync, with the reason a person can act on. */
public final class AvSyncException extends Exception {

    /** Why; {@link #isContentProblem()} tells a file that holds the wrong thing from one that cannot be read. */
    public enum Reason {
        MISSING(false), UNREADABLE(false), NOT_MEDIA(true), CORRUPT(true), NO_VIDEO(true), NO_AUDIO(true),
        NO_FACE(true), TOO_SHORT(true), SILENT(true);

        private final boolean contentProblem;

        Reason(boolean contentProblem) {
            this.contentProblem = contentProblem;
        }

        /** True when the bytes are readable but cannot be scored; false when the file could not be read. */
        public boolean isContentProblem() {
            return contentProblem;
        }
    }

    private final Reason reason;
    private final String detail;

    public AvSyncException(Path file, Reason reason, String detail) {
        super(file.getFileName() + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason without the file name. */
    public String detail() {
        return detail;
    }
}
