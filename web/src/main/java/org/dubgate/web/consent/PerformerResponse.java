package org.dubgate.web.consent;

import org.dubgate.domain.performer.Performer;

import java.time.Instant;

public record PerformerResponse(String id, String agency, String legalName, String stageName, boolean deceased,
                                String estateRepresentative, Instant createdAt) {

    public static PerformerResponse of(Performer p) {
        return new PerformerResponse(p.id().toString(), p.agency(), p.legalName(), p.stageName().orElse(null),
                p.deceased(), p.estateRepresentative().orElse(null), p.createdAt());
    }
}
