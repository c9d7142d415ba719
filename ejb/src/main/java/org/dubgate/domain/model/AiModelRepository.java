package org.dubgate.domain.model;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface AiModelRepository {

    Optional<AiModel> find(UUID id);

    Map<UUID, AiModel> findAll(Collection<UUID> ids);

    /** Newest registration first; only those in {@code status} when given. */
    Page<AiModel> list(java.util.Optional<ModelStatus> status, PageRequest page);

    void add(AiModel model);
}
