package org.dubgate.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;

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
}
