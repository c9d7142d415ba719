package org.dubgate.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface DeliveryRepository {

    void add(Delivery delivery);

    Optional<Delivery> find(UUID id);

    Optional<Delivery> ofJob(UUID jobId);

    /** The job's delivery, its row locked until the transaction ends (read fresh, never a cached copy). */
    Optional<Delivery> lockOfJob(UUID jobId);

    /** The delivery, its row locked until the transaction ends. */
    Optional<Delivery> lock(UUID id);

    /** TEMP deliveries whose retention ended before {@code now} and whose files are still there (ids). */
    List<UUID> pastRetention(Instant now);

    /**
     * Whether content is still needed by something other than this job: another job's line or file
     * whose delivery's files were not removed, or an uploaded asset.
     */
    boolean neededElsewhere(String sha256, UUID jobId);
}
