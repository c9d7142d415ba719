package org.dubgate.web.job;

import org.dubgate.application.job.JobService;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.TaskState;
import org.dubgate.domain.job.TaskSummary;

import java.time.Instant;
import java.util.List;

/**
 * A job with its delivery profile, its progress (finished tasks over all tasks), each language's progress and every task's
 * state. Built from the job's targets and task summaries: no cue is read.
 */
public record JobResponse(String id, String title, String state, String reason, String territory, String purpose,
                          int priority, double maxTempo, String originalLanguage, Delivery delivery, String gateCheckId,
                          int progressPercent, long lastEventId, List<Target> targets, List<Task> tasks,
                          String createdBy, Instant createdAt, Instant updatedAt, int round,
                          java.util.Map<String, Long> reviewItems) {

    /** The loudness the delivery must meet: the profile, its dialogue target, tolerance and true-peak ceiling. */
    public record Delivery(String profile, double loudnessLufs, double toleranceLu, double truePeakDbtp,
                           boolean matchOriginalDialogue) {
    }

    /** One target language: its cue count and how many of its tasks have succeeded. */
    public record Target(String language, String scriptFormat, int cues, long tasksSucceeded, long tasks) {
    }

    /** One task; {@code worker} is the node (and its start) that runs or last ran it. */
    public record Task(String id, String kind, String language, String character, int cues, String state, int attempts,
                       String lastError, Instant startedAt, Instant updatedAt, String worker, int round) {
    }

    public static JobResponse of(JobService.JobView view) {
        DubbingJob j = view.job();
        List<TaskSummary> tasks = view.tasks();
        long finished = tasks.stream().filter(t -> t.state() == TaskState.SUCCEEDED).count();
        int percent = new JobRepository.Progress(finished, tasks.size()).percent();
        return new JobResponse(j.id().toString(), j.titleCode(), j.state().name(), j.stateReason().orElse(null),
                j.territory(), j.purpose().name(), j.priority(), j.maxTempo(),
                j.originalLanguage().orElse(null), new Delivery(j.loudness().profile().name(), j.loudness().targetLufs(),
                        j.loudness().toleranceLu(), j.loudness().ceilingDbtp(), j.loudness().matchOriginal()),
                j.gateCheckId().toString(), percent, j.lastEventSequence(),
                j.targets().stream().map(t -> new Target(t.language(), t.scriptFormat(), t.cueCount(),
                        tasks.stream().filter(x -> x.inLanguage(t.language()) && x.state() == TaskState.SUCCEEDED).count(),
                        tasks.stream().filter(x -> x.inLanguage(t.language())).count())).toList(),
                tasks.stream().map(t -> new Task(t.id().toString(), t.kind().name(), t.language(), t.character(),
                        t.cues(), t.state().name(), t.attempts(), t.lastError(), t.startedAt(), t.updatedAt(),
                        t.worker(), t.round())).toList(),
                j.createdBy(), j.createdAt(), j.updatedAt(), j.round(), reviewCounts(view));
    }

    /** Review items per state (OPEN, APPROVED, …): QA's progress on the job; empty before review. */
    private static java.util.Map<String, Long> reviewCounts(JobService.JobView view) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        view.review().forEach((state, n) -> counts.put(state.name(), n));
        return counts;
    }
}
