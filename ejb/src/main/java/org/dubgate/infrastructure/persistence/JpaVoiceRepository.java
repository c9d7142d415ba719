package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.dubgate.infrastructure.persistence.QueryHints.READ_ONLY;

@ApplicationScoped
public class JpaVoiceRepository implements VoiceRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<Voice> find(UUID id) {
        return Optional.ofNullable(em.find(Voice.class, id));
    }

    @Override
    public Map<UUID, Voice> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select v from Voice v where v.id in :ids", Voice.class).setParameter("ids", ids)
                .setHint(READ_ONLY, true).getResultStream().collect(Collectors.toMap(Voice::id, Function.identity()));
    }

    @Override
    public Page<Voice> list(PageRequest page) {
        var rows = em.createQuery("select v from Voice v where v.id > :after order by v.id", Voice.class)
                .setParameter("after", page.afterId()).setMaxResults(page.limit() + 1).getResultList();
        return Page.fromOverfetch(rows, page.limit(), v -> v.id().toString());
    }

    @Override
    public void add(Voice voice) {
        em.persist(voice);
    }
}
