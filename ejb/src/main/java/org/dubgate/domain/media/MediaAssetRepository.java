package org.dubgate.domain.media;

import java.util.Optional;
import java.util.UUID;

public interface MediaAssetRepository {

    Optional<MediaAsset> find(UUID id);

    void add(MediaAsset asset);
}
