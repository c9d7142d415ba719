package org.dubgate.application.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.application.pipeline.TaskDispatch;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.review.ReviewState;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the verdicts decide for a job once none of its current items is open: the lines a reviewer
 * asked for are made again (a new round), or a rejected item holds the job with its note for the
 * manager, or — every item approved — the job is APPROVED. The caller holds the job's lock.
 */
@ApplicationScoped
public class ReviewSettlement {

    @Inject
    ReviewItemRepository items;
    @Inject
    TaskDispatch dispatch;
    @Inject
    JobEvents events;
    @Inject
    AuditLedger ledger;

    public void settle(DubbingJob job, String by, Instant now) {
        // counted, not loaded: a verdict on one line of thousands must not read them all while others are open
        if (items.countsOf(job.id()).getOrDefault(ReviewState.OPEN, 0L) > 0) {
            return;
        }
        List<ReviewItem> current = items.currentOf(job.id());
        List<ReviewItem> again = current.stream().filter(i -> i.state() == ReviewState.RERENDER).toList();
        if (!again.isEmpty()) {
            List<JobTask> tasks = job.rerender(again.stream().map(i -> new DubbingJob.Rerender(i.language(),
                    i.cueId().orElseThrow(), i.revision())).toList(), now);
            tasks.forEach(task -> dispatch.dispatch(job, task));
            JsonArrayBuilder cues = Json.createArrayBuilder();
            again.forEach(i -> cues.add(Json.createObjectBuilder().add("itemId", i.id().toString())
                    .add("language", i.language()).add("cueId", i.cueId().orElseThrow())));
            ledger.append(new AuditRecord(by, "RERENDER_STARTED", "job", job.id().toString(), Optional.empty(),
                    Optional.empty(), "RUNNING", Json.createObjectBuilder().add("round", job.round()).add("cues", cues)
                    .build().toString()));
            events.jobChanged(job, JobEvent.Type.JOB_STATE);
            return;
        }
        Optional<ReviewItem> rejected = current.stream().filter(i -> i.state() == ReviewState.REJECTED).findFirst();
        if (rejected.isPresent()) {
            ReviewItem r = rejected.get();
            job.holdInReview("review item " + r.id() + " (" + r.language() + r.cueId().map(c -> ", cue " + c).orElse("")
                    + ") was rejected by " + r.reviewer().orElse("?") + ": " + r.note().orElse(""), now);
            events.jobChanged(job, JobEvent.Type.JOB_STATE);
            return;
        }
        job.approve(now);
        ledger.append(new AuditRecord(by, "JOB_APPROVED", "job", job.id().toString(), Optional.empty(), Optional.empty(),
                "APPROVED", Json.createObjectBuilder().add("items", current.size()).add("round", job.round())
                .build().toString()));
        events.jobChanged(job, JobEvent.Type.JOB_STATE);
    }
}
