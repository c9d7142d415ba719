package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.model.ModelStatus;
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
public class JpaAiModelRepository implements AiModelRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<AiModel> find(UUID id) {
        return Optional.ofNullable(em.find(AiModel.class, id));
    }

    @Override
    public Map<UUID, AiModel> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select m from AiModel m where m.id in :ids", AiModel.class).setParameter("ids", ids)
                .setHint(READ_ONLY, true).getResultStream().collect(Collectors.toMap(AiModel::id, Function.identity()));
    }

    /** Newest registration first (see {@link NewestFirst}). */
    @Override
    public Page<AiModel> list(Optional<ModelStatus> status, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select x from AiModel x where 1 = 1");
        status.ifPresent(s -> jpql.append(" and x.status = :status"));
        Optional<NewestFirst> after = page.after().map(NewestFirst::parse);
        after.ifPresent(c -> jpql.append(NewestFirst.condition("registeredAt")));
        jpql.append(NewestFirst.order("registeredAt"));
        var q = em.createQuery(jpql.toString(), AiModel.class);
        status.ifPresent(s -> q.setParameter("status", s));
        after.ifPresent(c -> q.setParameter("at", c.at()).setParameter("id", c.id()));
        return Page.fromOverfetch(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(),
                m -> NewestFirst.key(m.registeredAt(), m.id()));
    }

    @Override
    public void add(AiModel model) {
        em.persist(model);
    }
}
