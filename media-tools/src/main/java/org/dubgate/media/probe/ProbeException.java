package org.dubgate.media.probe;

import java.nio.file.Path;

/** A file that cannot be probed, with the reason a person can act on. */
public final class ProbeException extends Exception {

    /** Why a file was refused; {@link #isContentProblem()} tells a bad upload from an unreadable path. */
    public enum Reason {
        MISSING(false), UNREADABLE(false), EMPTY(true), NOT_MEDIA(true), TRUNCATED(true), CORRUPT(true);

        private final boolean contentProblem;

        Reason(boolean contentProblem) {
            this.contentProblem = contentProblem;
        }

        /** True when the bytes themselves are bad (reject the upload); false when the file could not be read. */
        public boolean isContentProblem() {
            return contentProblem;
        }
    }

    private final Reason reason;
    private final String detail;

    public ProbeException(Path file, Reason reason, String detail) {
        super(file.getFileName() + ": " + detail);
        this.reason = reason;
        this.detail = detail;
    }

    /** The reason without the file name, for callers that name the file their own way. */
    public String detail() {
        return detail;
    }

    public Reason reason() {
        return reason;
    }
}
