package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.approval.WrittenApprovalRepository;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import static org.dubgate.infrastructure.persistence.QueryHints.READ_ONLY;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaWrittenApprovalRepository implements WrittenApprovalRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<WrittenApproval> find(UUID id) {
        return Optional.ofNullable(em.find(WrittenApproval.class, id));
    }

    @Override
    public List<WrittenApproval> forScope(String titleCode, Optional<UUID> jobId) {
        var query = em.createQuery("select a from WrittenApproval a where a.titleCode = :title"
                + (jobId.isPresent() ? " or a.jobId = :job" : ""), WrittenApproval.class).setParameter("title", titleCode);
        jobId.ifPresent(j -> query.setParameter("job", j));
        return query.setHint(READ_ONLY, true).getResultList();
    }

    @Override
    public Page<WrittenApproval> list(PageRequest page) {
        UUID after = page.afterId();
        var rows = em.createQuery("select a from WrittenApproval a where a.id > :after order by a.id", WrittenApproval.class)
                .setParameter("after", after).setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), a -> a.id().toString());
    }

    @Override
    public void add(WrittenApproval approval) {
        em.persist(approval);
    }
}
