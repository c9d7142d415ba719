package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * The caller's role may reach the resource but not in this case (HTTP 403): a manager asking for the
 * stage files of a FINAL job still in review, which are for QA's ears only until it is approved (R6).
 */
@ApplicationException(rollback = true)
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
