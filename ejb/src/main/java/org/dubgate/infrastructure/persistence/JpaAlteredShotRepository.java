package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaAlteredShotRepository implements AlteredShotRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public void add(AlteredShot shot) {
        em.persist(shot);
    }

    @Override
    public Optional<AlteredShot> find(UUID jobId, UUID shotId) {
        return Optional.ofNullable(em.find(AlteredShot.class, shotId)).filter(s -> s.jobId().equals(jobId));
    }

    @Override
    public List<AlteredShot> ofJob(UUID jobId) {
        return em.createQuery("select s from AlteredShot s where s.jobId = :job order by s.id", AlteredShot.class)
                .setParameter("job", jobId).getResultList();
    }

    @Override
    public List<AlteredShot> ofRound(UUID jobId, int round) {
        return em.createQuery("select s from AlteredShot s where s.jobId = :job and s.round = :round "
                        + "order by s.language, s.startMicros", AlteredShot.class)
                .setParameter("job", jobId).setParameter("round", round).getResultList();
    }

    @Override
    public List<AlteredShot> currentOf(UUID jobId) {
        // per language, the latest round that lip-synced it: a re-render alters only the languages it changed
        return em.createQuery("select s from AlteredShot s where s.jobId = :job and s.round = (select max(o.round) "
                        + "from AlteredShot o where o.jobId = s.jobId and o.language = s.language) "
                        + "order by s.language, s.startMicros", AlteredShot.class)
                .setParameter("job", jobId).getResultList();
    }

    @Override
    public List<AlteredShot> underGrant(UUID grantId) {
        return em.createQuery("select s from AlteredShot s where s.grantId = :grant order by s.jobId, s.id",
                AlteredShot.class).setParameter("grant", grantId).getResultList();
    }
}
