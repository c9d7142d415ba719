package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.audit.LedgerHead;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class JpaAuditRepository implements AuditRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public LedgerHead lockHead() {
        LedgerHead head = em.find(LedgerHead.class, LedgerHead.ID, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("the audit ledger head row is missing; the schema migration creates it");
        }
        return head;
    }

    @Override
    public LedgerHead readHead() {
        LedgerHead head = em.find(LedgerHead.class, LedgerHead.ID);
        if (head == null) {
            throw new IllegalStateException("the audit ledger head row is missing; the schema migration creates it");
        }
        return head;
    }

    @Override
    public void add(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public List<AuditEntry> after(long afterSeq, int limit) {
        return em.createQuery("select e from AuditEntry e where e.seq > :after order by e.seq", AuditEntry.class)
                .setParameter("after", afterSeq).setMaxResults(limit).getResultList();
    }

    @Override
    public List<AuditEntry> search(Filter filter, long afterSeq, int limit) {
        List<String> where = new ArrayList<>(List.of("e.seq > :after"));
        filter.subjectId().ifPresent(s -> where.add("e.subjectId = :subject"));
        filter.performerId().ifPresent(p -> where.add("e.performerId = :performer"));
        filter.agency().ifPresent(a -> where.add("e.agency = :agency"));
        filter.from().ifPresent(f -> where.add("e.at >= :from"));
        filter.to().ifPresent(t -> where.add("e.at < :to"));
        var query = em.createQuery("select e from AuditEntry e where " + String.join(" and ", where)
                + " order by e.seq", AuditEntry.class).setParameter("after", afterSeq);
        filter.subjectId().ifPresent(s -> query.setParameter("subject", s));
        filter.performerId().ifPresent(p -> query.setParameter("performer", p));
        filter.agency().ifPresent(a -> query.setParameter("agency", a));
        filter.from().ifPresent(f -> query.setParameter("from", f));
        filter.to().ifPresent(t -> query.setParameter("to", t));
        return query.setMaxResults(limit).getResultList();
    }
}
