package org.dubgate.web;

import org.dubgate.domain.shared.InvalidInputException;

/** JAX-RS hands a resource {@code null} for an empty body; every JSON endpoint answers that with the same 400. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static <T> T required(T body) {
        if (body == null) {
            throw InvalidInputException.of("body", "a JSON body is required");
        }
        return body;
    }
}
