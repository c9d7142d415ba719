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

    Page<AiModel> list(PageRequest page);

    void add(AiModel model);
}
