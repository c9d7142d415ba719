package org.dubgate.domain.job;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a task is, without its cue list: all the pipeline needs to decide what comes next, and all a
 * progress view shows. Read by a projection query, so a job of thousands of cues is never loaded whole.
 *
 * @param language the language worked on; {@code null} for a task that covers the whole job
 * @param worker   the node (and its boot) that runs or last ran it; {@code null} before it started
 * @param round    the round of the job's work: 0 for the first render, one more for each re-render
 */
public record TaskSummary(UUID id, TaskKind kind, String language, String character, int cues, TaskState state,
                          int attempts, String lastError, Instant startedAt, Instant updatedAt, String worker,
                          int round) {

    public static TaskSummary of(JobTask t) {
        return new TaskSummary(t.id(), t.kind(), t.language().orElse(null), t.character().orElse(null),
                t.cueIds().size(), t.state(), t.attempts(), t.lastError().orElse(null), t.startedAt().orElse(null),
                t.updatedAt(), t.worker().orElse(null), t.round());
    }

    /** Whether the task works on this language (false for job-wide tasks). */
    public boolean inLanguage(String l) {
        return l.equals(language);
    }

    public Optional<String> languageIfAny() {
        return Optional.ofNullable(language);
    }
}
