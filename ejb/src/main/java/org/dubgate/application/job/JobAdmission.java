package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.application.pipeline.TaskDispatch;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Queues a job the gate allowed: the job, the tasks it plans and their queue messages, and its first
 * progress event, in one transaction — all or nothing.
 */
@Stateless
public class JobAdmission {

    @Inject
    JobRepository jobs;
    @Inject
    TaskDispatch dispatch;
    @Inject
    JobEvents events;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "dubgate.synthesis.batch-size", defaultValue = "50")
    int batchSize;

    public DubbingJob queue(Caller manager, UUID jobId, JobRequest request, JobRequestValidation.Validated v,
                            GateService.Check check, Optional<String> idempotencyKey) {
        Instant now = clock.instant();
        DubbingJob job = DubbingJob.queued(new DubbingJob.Order(jobId, request.title().strip(), request.sourceMediaId(),
                request.mneMediaId(), request.dialogueMediaId(), v.territory().code(), v.purpose(), v.priority(),
                v.maxTempo(), v.originalLanguage(), v.loudness(), v.targets()), check.checkId(), idempotencyKey, manager.username(), now);
        jobs.add(job);
        job.plannedTasks(batchSize, now).forEach(task -> dispatch.dispatch(job, task));
        events.jobChanged(job, JobEvent.Type.SUBMITTED);
        return job;
    }
}
