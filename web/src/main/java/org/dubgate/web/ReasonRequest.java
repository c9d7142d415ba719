package org.dubgate.web;

import org.dubgate.domain.shared.InvalidInputException;

/** The body of every revocation: why. */
public record ReasonRequest(String reason) {

    public static String of(ReasonRequest body) {
        if (body == null) {
            throw InvalidInputException.of("reason", "required");
        }
        return body.reason();
    }
}
