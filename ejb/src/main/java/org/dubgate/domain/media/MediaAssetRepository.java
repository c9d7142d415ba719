package org.dubgate.domain.media;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

public interface MediaAssetRepository {

    Optional<MediaAsset> find(UUID id);

    void add(MediaAsset asset);

    /** Newest first, without the probe documents; only those in {@code state} when given. */
    Page<MediaSummary> list(Optional<MediaState> state, PageRequest page);
}
