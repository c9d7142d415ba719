package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

/** A request that is well formed but conflicts with the current state of an aggregate (HTTP 409). */
@ApplicationException(rollback = true)
public class RuleViolationException extends RuntimeException {

    public RuleViolationException(String message) {
        super(message);
    }
}
