package org.dubgate.application.consent;

import jakarta.ejb.ApplicationException;

/** Content whose bytes are not of an accepted type (HTTP 415). */
@ApplicationException(rollback = true)
public class UnsupportedContentException extends RuntimeException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
