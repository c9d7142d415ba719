package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
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

    @Override
    public Page<AiModel> list(PageRequest page) {
        UUID after = page.afterId();
        var rows = em.createQuery("select m from AiModel m where m.id > :after order by m.id", AiModel.class)
                .setParameter("after", after).setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), m -> m.id().toString());
    }

    @Override
    public void add(AiModel model) {
        em.persist(model);
    }
}
