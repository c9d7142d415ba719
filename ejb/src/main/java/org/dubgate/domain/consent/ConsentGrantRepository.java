package org.dubgate.domain.consent;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface ConsentGrantRepository {

    Optional<ConsentGrant> find(UUID id);

    Optional<ConsentGrant> findInAgency(UUID id, String agency);

    /** Every grant of these performers, revoked and expired ones included (the gate reports why they fail). */
    List<ConsentGrant> forPerformers(Collection<UUID> performerIds);

    void add(ConsentGrant grant);

    Optional<EvidenceDocument> findEvidence(UUID id);

    Optional<EvidenceDocument> findEvidenceInAgency(UUID id, String agency);

    void addEvidence(EvidenceDocument evidence);
}
