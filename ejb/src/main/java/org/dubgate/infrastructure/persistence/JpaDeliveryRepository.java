package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaDeliveryRepository implements DeliveryRepository {

    /** Jobs whose delivery's files are gone: what they made no longer needs keeping. */
    private static final String REMOVED = "(select x.jobId from Delivery x where x.filesRemovedAt is not null)";

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public void add(Delivery delivery) {
        em.persist(delivery);
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return Optional.ofNullable(em.find(Delivery.class, id));
    }

    @Override
    public Optional<Delivery> ofJob(UUID jobId) {
        return em.createQuery("select d from Delivery d where d.jobId = :job", Delivery.class)
                .setParameter("job", jobId).getResultStream().findFirst();
    }

    @Override
    public Optional<Delivery> lockOfJob(UUID jobId) {
        return em.createQuery("select d from Delivery d where d.jobId = :job", Delivery.class)
                .setParameter("job", jobId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    @Override
    public Optional<Delivery> lock(UUID id) {
        return Optional.ofNullable(em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<UUID> pastRetention(Instant now) {
        return em.createQuery("select d.id from Delivery d where d.purpose = :temp and d.expiresAt < :now "
                        + "and d.filesRemovedAt is null", UUID.class).setParameter("temp", Purpose.TEMP)
                .setParameter("now", now).getResultList();
    }

    @Override
    public boolean neededElsewhere(String sha256, UUID jobId) {
        return exists("select count(d) from Deliverable d where d.contentSha256 = :sha and d.jobId <> :job "
                + "and d.jobId not in " + REMOVED, sha256, jobId)
                || exists("select count(o) from CueOutput o where o.contentSha256 = :sha and o.jobId <> :job "
                + "and o.jobId not in " + REMOVED, sha256, jobId)
                || em.createQuery("select count(m) from MediaAsset m where m.contentSha256 = :sha", Long.class)
                .setParameter("sha", sha256).getSingleResult() > 0;
    }

    private boolean exists(String jpql, String sha256, UUID jobId) {
        return em.createQuery(jpql, Long.class).setParameter("sha", sha256).setParameter("job", jobId)
                .getSingleResult() > 0;
    }
}
