package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.review.ReviewState;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaReviewItemRepository implements ReviewItemRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public void add(ReviewItem item) {
        em.persist(item);
    }

    @Override
    public Optional<ReviewItem> find(UUID id) {
        return Optional.ofNullable(em.find(ReviewItem.class, id));
    }

    @Override
    public Optional<UUID> jobOf(UUID itemId) {
        return em.createQuery("select i.jobId from ReviewItem i where i.id = :id", UUID.class).setParameter("id", itemId)
                .getResultStream().findFirst();
    }

    @Override
    public List<UUID> inReviewWithoutItems() {
        return em.createQuery("select j.id from DubbingJob j where j.state = :review and not exists "
                        + "(select i.id from ReviewItem i where i.jobId = j.id)", UUID.class)
                .setParameter("review", org.dubgate.domain.job.JobState.IN_REVIEW).getResultList();
    }

    @Override
    public Page<ReviewItem> list(Query query, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select i from ReviewItem i where i.id > :after");
        query.jobId().ifPresent(j -> jpql.append(" and i.jobId = :job"));
        query.state().ifPresent(s -> jpql.append(" and i.state = :state"));
        // open items wait for a verdict only while their job is in review: a cancelled, blocked or failed
        // job's are not QA's work (they stay listed under the job, and a verdict on them is a 409)
        query.state().filter(s -> s == ReviewState.OPEN && query.jobId().isEmpty()).ifPresent(s -> jpql.append(
                " and i.jobId in (select j.id from DubbingJob j where j.state = :inReview)"));
        query.language().ifPresent(l -> jpql.append(" and i.language = :language"));
        // flags are comma-separated: matched whole, so OVERFLOW never matches a longer flag that contains it
        query.flag().ifPresent(f -> jpql.append(" and concat(',', i.flags, ',') like :flag"));
        jpql.append(" order by i.id");
        TypedQuery<ReviewItem> q = em.createQuery(jpql.toString(), ReviewItem.class)
                .setParameter("after", page.afterId()).setMaxResults(page.limit() + 1);
        query.jobId().ifPresent(j -> q.setParameter("job", j));
        query.state().ifPresent(s -> q.setParameter("state", s));
        query.state().filter(s -> s == ReviewState.OPEN && query.jobId().isEmpty())
                .ifPresent(s -> q.setParameter("inReview", org.dubgate.domain.job.JobState.IN_REVIEW));
        query.language().ifPresent(l -> q.setParameter("language", l));
        query.flag().ifPresent(f -> q.setParameter("flag", "%," + f + ",%"));
        return Page.fromOverfetch(q.getResultList(), page.limit(), i -> i.id().toString());
    }

    @Override
    public List<ReviewItem> currentOf(UUID jobId) {
        return em.createQuery("select i from ReviewItem i where i.jobId = :job and i.state <> :superseded order by i.id",
                ReviewItem.class).setParameter("job", jobId).setParameter("superseded", ReviewState.SUPERSEDED)
                .getResultList();
    }

    @Override
    public Map<ReviewState, Long> countsOf(UUID jobId) {
        Map<ReviewState, Long> counts = new EnumMap<>(ReviewState.class);
        em.createQuery("select i.state, count(i) from ReviewItem i where i.jobId = :job group by i.state", Object[].class)
                .setParameter("job", jobId).getResultList()
                .forEach(row -> counts.put((ReviewState) row[0], (Long) row[1]));
        return counts;
    }

    @Override
    public Map<UUID, Map<ReviewState, Long>> countsOf(java.util.Collection<UUID> jobIds) {
        Map<UUID, Map<ReviewState, Long>> counts = new java.util.HashMap<>();
        if (jobIds.isEmpty()) {
            return counts;
        }
        em.createQuery("select i.jobId, i.state, count(i) from ReviewItem i where i.jobId in :jobs "
                        + "group by i.jobId, i.state", Object[].class)
                .setParameter("jobs", jobIds).getResultList()
                .forEach(row -> counts.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(ReviewState.class))
                        .put((ReviewState) row[1], (Long) row[2]));
        return counts;
    }
}
