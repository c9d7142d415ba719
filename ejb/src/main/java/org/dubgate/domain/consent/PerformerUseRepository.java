package org.dubgate.domain.consent;

import java.util.List;
import java.util.UUID;

/** The uses of a performer's voice, read from the lines made under their grants. */
public interface PerformerUseRepository {

    /** Newest first, one per job, language, model and grant; at most {@code limit}. */
    List<PerformerUse> ofPerformer(UUID performerId, int limit);
}
