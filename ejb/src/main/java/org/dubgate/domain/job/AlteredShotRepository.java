package org.dubgate.domain.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The shots LIP_SYNC tasks re-drew. */
public interface AlteredShotRepository {

    void add(AlteredShot shot);

    Optional<AlteredShot> find(UUID jobId, UUID shotId);

    /** Every shot of a job, of every round. */
    List<AlteredShot> ofJob(UUID jobId);

    /** A job's shots of one round, in time order by language. */
    List<AlteredShot> ofRound(UUID jobId, int round);

    /** A job's current shots: per language, those of the latest round that lip-synced it. */
    List<AlteredShot> currentOf(UUID jobId);

    /** Every shot made under a consent grant (what its revocation quarantines). */
    List<AlteredShot> underGrant(UUID grantId);
}
