package org.dubgate.web.job;

import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.TaskState;

import java.time.Instant;
import java.util.List;

/** A job with its progress (finished tasks over all tasks) and every task's state. */
public record JobResponse(String id, String title, String state, String reason, String territory, String purpose,
                          int priority, double maxTempo, String originalLanguage, String gateCheckId,
                          int progressPercent, List<Target> targets, List<Task> tasks, String createdBy, Instant createdAt, Instant updatedAt) {

    public record Target(String language, String scriptFormat, int cues, boolean synthesisDone, boolean mixed) {
    }

    public record Task(String id, String kind, String language, String character, int cues, String state, int attempts,
                       String lastError, Instant startedAt, Instant updatedAt) {
    }

    public static JobResponse of(DubbingJob j, List<JobTask> tasks) {
        long finished = tasks.stream().filter(t -> t.state() == TaskState.SUCCEEDED).count();
        int percent = tasks.isEmpty() ? 100 : (int) (100 * finished / tasks.size());
        return new JobResponse(j.id().toString(), j.titleCode(), j.state().name(), j.stateReason().orElse(null),
                j.territory(), j.purpose().name(), j.priority(), j.maxTempo(),
                j.originalLanguage().orElse(null), j.gateCheckId().toString(), percent,
                j.targets().stream().map(t -> new Target(t.language(), t.scriptFormat(), t.cues().size(), t.synthesisDone(),
                        t.mixed())).toList(),
                tasks.stream().map(t -> new Task(t.id().toString(), t.kind().name(), t.language().orElse(null),
                        t.character().orElse(null), t.cueIds().size(), t.state().name(), t.attempts(),
                        t.lastError().orElse(null), t.startedAt().orElse(null), t.updatedAt())).toList(),
                j.createdBy(), j.createdAt(), j.updatedAt());
    }
}
