package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * What was asked for existed and is no longer served, for a reason that stays (HTTP 410): a file that
 * holds a performance whose consent was revoked, an earlier version of a line, a TEMP delivery past
 * its retention.
 */
@ApplicationException(rollback = true)
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
