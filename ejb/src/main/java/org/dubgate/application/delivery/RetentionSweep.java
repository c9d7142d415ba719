package org.dubgate.application.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.port.ContentStore;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryRepository;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.shared.PageRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One TEMP delivery's files removed, in one transaction under its lock (see {@link DeliveryRetention}). */
@Stateless
public class RetentionSweep {

    @Inject
    DeliveryRepository deliveries;
    @Inject
    JobRepository jobs;
    @Inject
    ContentStore store;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;

    public List<UUID> pastRetention(Instant now) {
        return deliveries.pastRetention(now);
    }

    /**
     * Removes the job's stems, mixes, programme and lines from storage — each only if nothing else
     * still needs the same bytes — and marks the delivery; the manifest stays.
     *
     * @return how many files were removed
     */
    public int removeFiles(UUID deliveryId) {
        Delivery d = deliveries.lock(deliveryId).orElseThrow();
        Instant now = clock.instant();
        if (d.filesRemovedAt().isPresent() || d.expiresAt().filter(now::isAfter).isEmpty()) {
            return 0;
        }
        Set<String> contents = new LinkedHashSet<>();
        for (Deliverable.Kind kind : Deliverable.Kind.values()) {
            jobs.deliverablesOf(d.jobId(), kind).forEach(x -> {
                contents.add(x.contentSha256());
                x.withhold("its TEMP delivery's retention ended at " + d.expiresAt().orElseThrow()
                        + ": the file was removed");
            });
        }
        Optional<String> after = Optional.empty();
        do {
            var page = jobs.outputsOfJob(d.jobId(), new PageRequest(after, PageRequest.MAX_LIMIT));
            page.items().stream().map(CueOutput::contentSha256).forEach(contents::add);
            after = page.nextCursor();
        } while (after.isPresent());
        int removed = 0;
        for (String sha : contents) {
            if (!deliveries.neededElsewhere(sha, d.jobId())) {
                try {
                    removed += store.remove(sha) ? 1 : 0;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove " + sha + ": " + e.getMessage(), e);
                }
            }
        }
        d.filesRemoved(now);
        ledger.append(new AuditRecord("retention", "DELIVERY_FILES_REMOVED", "delivery", deliveryId.toString(),
                Optional.empty(), Optional.empty(), "EXPIRED", Json.createObjectBuilder()
                .add("jobId", d.jobId().toString()).add("removed", removed)
                .add("manifestSha256", d.manifestSha256()).build().toString()));
        return removed;
    }
}
