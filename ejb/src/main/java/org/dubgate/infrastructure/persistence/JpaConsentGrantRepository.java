package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.consent.ConsentGrantRepository;
import org.dubgate.domain.consent.EvidenceDocument;

import static org.dubgate.infrastructure.persistence.QueryHints.READ_ONLY;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaConsentGrantRepository implements ConsentGrantRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<ConsentGrant> find(UUID id) {
        return Optional.ofNullable(em.find(ConsentGrant.class, id));
    }

    @Override
    public Optional<ConsentGrant> findInAgency(UUID id, String agency) {
        return em.createQuery("select g from ConsentGrant g where g.id = :id and g.agency = :agency", ConsentGrant.class)
                .setParameter("id", id).setParameter("agency", agency).getResultStream().findFirst();
    }

    @Override
    public List<ConsentGrant> forPerformers(Collection<UUID> performerIds) {
        if (performerIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select g from ConsentGrant g where g.performerId in :ids order by g.recordedAt",
                ConsentGrant.class).setParameter("ids", performerIds).setHint(READ_ONLY, true).getResultList();
    }

    @Override
    public void add(ConsentGrant grant) {
        em.persist(grant);
    }

    @Override
    public Optional<EvidenceDocument> findEvidence(UUID id) {
        return Optional.ofNullable(em.find(EvidenceDocument.class, id));
    }

    @Override
    public Optional<EvidenceDocument> findEvidenceInAgency(UUID id, String agency) {
        return em.createQuery("select e from EvidenceDocument e where e.id = :id and e.agency = :agency",
                EvidenceDocument.class).setParameter("id", id).setParameter("agency", agency).getResultStream().findFirst();
    }

    @Override
    public void addEvidence(EvidenceDocument evidence) {
        em.persist(evidence);
    }
}
