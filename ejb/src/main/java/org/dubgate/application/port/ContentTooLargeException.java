package org.dubgate.application.port;

import jakarta.ejb.ApplicationException;

/** An upload went past the configured size limit; nothing of it was kept. */
@ApplicationException(rollback = true)
public class ContentTooLargeException extends RuntimeException {

    private final long limitBytes;

    public ContentTooLargeException(long limitBytes) {
        super("upload exceeds the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
