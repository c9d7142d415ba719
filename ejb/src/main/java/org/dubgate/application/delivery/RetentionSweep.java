package org.dubgate.application.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryRepository;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One TEMP delivery's files marked removed, in one transaction under its lock (see {@link DeliveryRetention}). */
@Stateless
public class RetentionSweep {

    @Inject
    org.dubgate.domain.job.AlteredShotRepository shots;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    JobRepository jobs;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;

    public List<UUID> pastRetention(Instant now) {
        return deliveries.pastRetention(now);
    }

    /**
     * Marks the delivery's files removed — the deliverables answer 410 with the reason from then on —
     * and returns the content to delete once this commits: the job's stems, mixes, programme and
     * lines, each only if nothing else still needs the same bytes. Deleting after the commit means a
     * file is never gone while its record still offers it; the manifest stays.
     */
    public List<String> markFilesRemoved(UUID deliveryId) {
        Delivery d = deliveries.lock(deliveryId).orElseThrow();
        Instant now = clock.instant();
        if (d.filesRemovedAt().isPresent() || d.expiresAt().filter(now::isAfter).isEmpty()) {
            return List.of();
        }
        Set<String> contents = new LinkedHashSet<>();
        for (Deliverable.Kind kind : Deliverable.Kind.values()) {
            jobs.deliverablesOf(d.jobId(), kind).forEach(x -> {
                contents.add(x.contentSha256());
                x.withhold("its TEMP delivery's retention ended at " + d.expiresAt().orElseThrow()
                        + ": the file was removed");
            });
        }
        // the reviewers' before|after stills of lip-synced shots hold the performer's face too
        shots.ofJob(d.jobId()).forEach(s -> contents.add(s.stillSha256()));
        Optional<String> after = Optional.empty();
        do {
            var page = jobs.outputsOfJob(d.jobId(), new PageRequest(after, PageRequest.MAX_LIMIT));
            page.items().stream().map(CueOutput::contentSha256).forEach(contents::add);
            after = page.nextCursor();
        } while (after.isPresent());
        List<String> removable = contents.stream().filter(sha -> !deliveries.neededElsewhere(sha, d.jobId())).toList();
        d.filesRemoved(now);
        ledger.append(new AuditRecord("retention", "DELIVERY_FILES_REMOVED", "delivery", deliveryId.toString(),
                Optional.empty(), Optional.empty(), "EXPIRED", Json.createObjectBuilder()
                .add("jobId", d.jobId().toString()).add("files", removable.size())
                .add("manifestSha256", d.manifestSha256()).build().toString()));
        return removable;
    }
}
