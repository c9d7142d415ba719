package org.dubgate.domain.voice;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface VoiceRepository {

    Optional<Voice> find(UUID id);

    Map<UUID, Voice> findAll(Collection<UUID> ids);

    Page<Voice> list(PageRequest page);

    void add(Voice voice);
}
