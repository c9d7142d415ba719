package org.dubgate.application.pipeline;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.TaskSummary;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Progress events, in the transaction that makes the change: kept in the database (numbered per job,
 * for resuming a stream) and published on the {@code dubgate.job-events} topic, which every node's
 * progress streams listen to. The caller holds the job's row lock.
 */
@ApplicationScoped
public class JobEvents {

    public static final String TOPIC = "java:/jms/dubgate/job-events";

    @Inject
    JobRepository jobs;
    @Inject
    JMSContext jms;
    @Resource(lookup = TOPIC)
    Topic topic;
    @Inject
    Clock clock;

    public void taskChanged(DubbingJob job, JobEvent.Type type, TaskSummary task) {
        publish(job, type, Optional.of(task));
    }

    public void jobChanged(DubbingJob job, JobEvent.Type type) {
        publish(job, type, Optional.empty());
    }

    private void publish(DubbingJob job, JobEvent.Type type, Optional<TaskSummary> task) {
        long seq = job.nextEventSequence();
        JobRepository.Progress progress = jobs.progressOf(List.of(job.id())).getOrDefault(job.id(),
                JobRepository.Progress.NONE);
        String payload = payload(job, seq, type.name(), progress, task);
        Instant now = clock.instant();
        jobs.addEvent(new JobEvent(job.id(), seq, type, task.map(TaskSummary::id), payload, now));
        jms.createProducer().send(topic, payload);
    }

    /**
     * The event as clients receive it: which job, its number, what happened, the job's state and
     * progress after it, the task concerned, and whether the stream ends with it (the job no longer
     * runs work).
     */
    public static String payload(DubbingJob job, long seq, String type, JobRepository.Progress progress,
                                 Optional<TaskSummary> task) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("jobId", job.id().toString()).add("seq", seq)
                .add("type", type).add("jobState", job.state().name())
                .add("succeeded", progress.succeeded()).add("tasks", progress.total())
                .add("progressPercent", progress.percent()).add("ended", !job.accepting());
        job.stateReason().ifPresent(r -> b.add("reason", org.dubgate.domain.shared.Text.clip(r, 1500)));
        task.ifPresent(t -> {
            JsonObjectBuilder tb = Json.createObjectBuilder().add("id", t.id().toString()).add("kind", t.kind().name())
                    .add("state", t.state().name()).add("attempts", t.attempts());
            t.languageIfAny().ifPresent(l -> tb.add("language", l));
            if (t.character() != null) {
                tb.add("character", t.character());
            }
            if (t.lastError() != null) {
                tb.add("lastError", org.dubgate.domain.shared.Text.clip(t.lastError(), 1000));
            }
            b.add("task", tb);
        });
        return b.build().toString();
    }
}
