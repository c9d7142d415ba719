package org.dubgate.web.consent;

import org.dubgate.domain.performer.Performer;
import org.dubgate.web.RequestBodies;

/** A performer as an agent describes them. */
public record PerformerRequest(String legalName, String stageName, Boolean deceased, String estateRepresentative) {

    public static Performer.Details details(PerformerRequest body) {
        RequestBodies.required(body);
        return new Performer.Details(body.legalName(), body.stageName(), Boolean.TRUE.equals(body.deceased()),
                body.estateRepresentative());
    }
}
