package org.dubgate.domain.performer;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

public interface PerformerRepository {

    Optional<Performer> find(UUID id);

    /** Only a performer of {@code agency}: how agents are kept to their own agency. */
    Optional<Performer> findInAgency(UUID id, String agency);

    Map<UUID, Performer> findAll(Collection<UUID> ids);

    /** Ordered by id; {@code agency} empty means every agency. */
    Page<Performer> list(Optional<String> agency, PageRequest page);

    void add(Performer performer);
}
