package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.media.MediaState;
import org.dubgate.domain.media.MediaSummary;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaMediaAssetRepository implements MediaAssetRepository {

    @PersistenceContext(unitName = "dubgate")
    EntityManager em;

    @Override
    public Optional<MediaAsset> find(UUID id) {
        return Optional.ofNullable(em.find(MediaAsset.class, id));
    }

    @Override
    public void add(MediaAsset asset) {
        em.persist(asset);
    }

    @Override
    public Page<MediaSummary> list(Optional<MediaState> state, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select new org.dubgate.domain.media.MediaSummary(x.id, x.originalName, "
                + "x.declaredType, x.sizeBytes, x.state, x.durationSeconds, x.audioChannels, x.uploadedBy, x.createdAt) "
                + "from MediaAsset x where 1 = 1");
        state.ifPresent(s -> jpql.append(" and x.state = :state"));
        Optional<NewestFirst> after = page.after().map(NewestFirst::parse);
        after.ifPresent(c -> jpql.append(NewestFirst.CONDITION));
        jpql.append(NewestFirst.ORDER);
        TypedQuery<MediaSummary> q = em.createQuery(jpql.toString(), MediaSummary.class);
        state.ifPresent(s -> q.setParameter("state", s));
        after.ifPresent(c -> q.setParameter("at", c.at()).setParameter("id", c.id()));
        return Page.fromOverfetch(q.setMaxResults(page.limit() + 1).getResultList(), page.limit(),
                m -> NewestFirst.key(m.createdAt(), m.id()));
    }
}
