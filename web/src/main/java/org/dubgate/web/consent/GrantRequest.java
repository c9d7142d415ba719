package org.dubgate.web.consent;

import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.web.RequestBodies;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A consent grant as an agent records it; {@code evidenceId} comes from {@code POST /consent-evidence}. */
public record GrantRequest(UUID performerId, UUID evidenceId, List<String> uses, List<String> titles,
                           List<String> languages, List<String> territories, List<String> purposes, Instant validFrom,
                           Instant validUntil, String description, String compensationReference, String signedBy) {

    public static GrantRequest require(GrantRequest body) {
        if (RequestBodies.required(body).performerId() == null) {
            throw InvalidInputException.of("performerId", "required");
        }
        return body;
    }

    public ConsentGrant.Terms terms() {
        return new ConsentGrant.Terms(uses, titles, languages, territories, purposes, validFrom, validUntil, description,
                compensationReference, signedBy);
    }
}
