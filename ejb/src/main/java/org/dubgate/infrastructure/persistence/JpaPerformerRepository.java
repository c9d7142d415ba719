package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.performer.PerformerRepository;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import static org.dubgate.infrastructure.persistence.QueryHints.READ_ONLY;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaPerformerRepository implements PerformerRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<Performer> find(UUID id) {
        return Optional.ofNullable(em.find(Performer.class, id));
    }

    @Override
    public Optional<Performer> findInAgency(UUID id, String agency) {
        return em.createQuery("select p from Performer p where p.id = :id and p.agency = :agency", Performer.class)
                .setParameter("id", id).setParameter("agency", agency).getResultStream().findFirst();
    }

    @Override
    public Map<UUID, Performer> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select p from Performer p where p.id in :ids", Performer.class)
                .setParameter("ids", ids).setHint(READ_ONLY, true).getResultStream()
                .collect(Collectors.toMap(Performer::id, Function.identity()));
    }

    @Override
    public Page<Performer> list(Optional<String> agency, PageRequest page) {
        UUID after = page.afterId();
        var query = em.createQuery("select p from Performer p where p.id > :after"
                        + (agency.isPresent() ? " and p.agency = :agency" : "") + " order by p.id", Performer.class)
                .setParameter("after", after);
        agency.ifPresent(a -> query.setParameter("agency", a));
        return Page.fromOverfetch(query.setMaxResults(page.limit() + 1).getResultList(), page.limit(),
                p -> p.id().toString());
    }

    @Override
    public void add(Performer performer) {
        em.persist(performer);
    }
}
