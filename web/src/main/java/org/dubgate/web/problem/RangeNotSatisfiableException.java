package org.dubgate.web.problem;

/** A Range header that selects no byte of the resource (HTTP 416). */
public class RangeNotSatisfiableException extends RuntimeException {

    private final long size;

    public RangeNotSatisfiableException(String range, long size) {
        super("range '" + range + "' selects nothing of a " + size + "-byte resource");
        this.size = size;
    }

    public long size() {
        return size;
    }
}
