package org.dubgate.web.consent;

import org.dubgate.domain.consent.ConsentGrant;

import java.time.Instant;
import java.util.List;

/** A grant with its standing now (ACTIVE, REVOKED, NOT_YET_VALID or EXPIRED). */
public record GrantResponse(String id, String performerId, String agency, List<String> uses, List<String> titles,
                            List<String> languages, List<String> territories, List<String> purposes, Instant validFrom,
                            Instant validUntil, String standing, String description, String evidenceId,
                            String evidenceSha256, String compensationReference, boolean estateGrant, String signedBy,
                            String recordedBy, Instant recordedAt, Instant revokedAt, String revokedBy,
                            String revocationReason) {

    public static GrantResponse of(ConsentGrant g) {
        return new GrantResponse(g.id().toString(), g.performerId().toString(), g.agency(),
                g.uses().stream().map(Enum::name).sorted().toList(), sorted(g.titles()), sorted(g.languages()),
                sorted(g.territories()), g.purposes().stream().map(Enum::name).sorted().toList(), g.validFrom(),
                g.validUntil(), g.standingAt(Instant.now()).name(), g.description(), g.evidenceId().toString(),
                g.evidenceSha256(), g.compensationReference(), g.estateGrant(), g.signedBy(), g.recordedBy(),
                g.recordedAt(), g.revokedAt().orElse(null), g.revokedBy().orElse(null), g.revocationReason().orElse(null));
    }

    private static List<String> sorted(java.util.Set<String> values) {
        return values.stream().sorted().toList();
    }
}
