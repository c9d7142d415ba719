package org.dubgate.web.consent;

import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.InvalidInputException;

/** A performer as an agent describes them. */
public record PerformerRequest(String legalName, String stageName, Boolean deceased, String estateRepresentative) {

    public static Performer.Details details(PerformerRequest body) {
        if (body == null) {
            throw InvalidInputException.of("body", "a JSON body is required");
        }
        return new Performer.Details(body.legalName(), body.stageName(), Boolean.TRUE.equals(body.deceased()),
                body.estateRepresentative());
    }
}
