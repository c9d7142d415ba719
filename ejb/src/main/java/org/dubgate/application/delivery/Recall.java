package org.dubgate.application.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.GrantRevoked;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryRepository;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A revoked grant's reach into what a job made (R9), in the revoking transaction: every stem and mix
 * of the languages that used the performance, and every programme, are withheld (410 with the
 * reason from then on); the job's delivery, if it has one, is RECALLED, with the cues to recast; the
 * recall goes into the ledger under the performer (so the agent's usage report lists it) and out on
 * the job-events topic.
 */
@ApplicationScoped
public class Recall {

    @Inject
    JobRepository jobs;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    JobEvents events;
    @Inject
    AuditLedger ledger;

    public void withhold(UUID jobId, Set<String> languages, GrantRevoked revoked, Instant now) {
        DubbingJob job = jobs.lockJob(jobId).orElseThrow();
        String reason = "it holds a performance under consent grant " + revoked.grantId() + ", revoked at " + now;
        for (Deliverable.Kind kind : Deliverable.Kind.values()) {
            for (Deliverable d : jobs.deliverablesOf(jobId, kind)) {
                if (kind == Deliverable.Kind.PROGRAMME || d.language().filter(languages::contains).isPresent()) {
                    d.withhold(reason);
                }
            }
        }
        Optional<Delivery> delivery = deliveries.lockOfJob(jobId);
        if (delivery.isEmpty() || delivery.get().state() != Delivery.State.AVAILABLE) {
            return;
        }
        delivery.get().recall("consent grant " + revoked.grantId() + " was revoked by " + revoked.revokedBy()
                + "; recast the cues it voiced", now);
        JsonArrayBuilder recast = Json.createArrayBuilder();
        recastOf(jobId).forEach(r -> recast.add(Json.createObjectBuilder().add("language", r.language())
                .add("cueId", r.cueId())));
        ledger.append(new AuditRecord(revoked.revokedBy(), "DELIVERY_RECALLED", "delivery",
                delivery.get().id().toString(), Optional.of(revoked.performerId()), Optional.empty(), "RECALLED",
                Json.createObjectBuilder().add("jobId", jobId.toString()).add("grantId", revoked.grantId().toString())
                        .add("recast", recast).build().toString()));
        events.jobChanged(job, JobEvent.Type.RECALLED);
    }

    /** The cues whose current line was made under a since-revoked grant: what the manager recasts. */
    public List<JobRepository.LineRef> recastOf(UUID jobId) {
        return jobs.quarantinedLines(jobId);
    }
}
