package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.shared.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of work on the queue. A task may be delivered more than once (redelivery, a worker that
 * died, a duplicate dispatch after a lease ran out): {@link #begin} refuses work that already ended
 * or that a live worker holds, and outputs are keyed by cue so a repeated run never doubles them.
 * A running task holds a lease that its worker renews; when the lease runs out (the worker's node
 * died, or its message was lost) {@link #leaseLapsed} returns it to PENDING so it is dispatched again.
 */
@Entity
@Table(name = "job_task")
public class JobTask {

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskKind kind;

    /** The language worked on; none for ASSEMBLE, which covers them all. */
    @Column(length = 35)
    private String language;

    @Column(name = "character_name", length = 100)
    private String character;

    @Column(name = "voice_id")
    private UUID voiceId;

    /** The batch's cue ids, in script order. */
    @Column(name = "cue_ids", nullable = false, length = 100_000)
    private String cueIds;

    /** How many cue ids {@link #cueIds} holds, so progress views need not read the list. */
    @Column(name = "cue_count", nullable = false)
    private int cueCount;

    /**
     * For stages made "when fed", {@code KIND/language} (or {@code KIND/*} for the whole job): unique
     * per job, so the database itself refuses a second MIX of a language or a second ASSEMBLE.
     */
    @Column(name = "fan_in_key", length = 60)
    private String fanInKey;

    /** The round of the job's work the task belongs to: 0 for the first render, then one per re-render. */
    @Column(name = "render_round", nullable = false)
    private int round;

    /** The worker that runs or last ran the task ({@link Worker#id()}). */
    @Column(length = 200)
    private String worker;

    /** Until when the running worker holds the task; renewed while it works. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskState state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 2000)
    private String lastError;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected JobTask() {
        // for JPA
    }

    /** Synthesizes a batch of one character's cues in one language with its voice. */
    public static JobTask synthesize(UUID jobId, String language, String character, UUID voiceId, List<String> cueIds,
                                     Instant now) {
        return synthesize(jobId, 0, language, character, voiceId, cueIds, now);
    }

    /** Synthesizes again, in a re-render round, cues a reviewer asked to be made anew. */
    static JobTask synthesize(UUID jobId, int round, String language, String character, UUID voiceId,
                              List<String> cueIds, Instant now) {
        JobTask t = pending(TaskKind.SYNTHESIZE, jobId, language, character, voiceId, cueIds, now);
        t.round = round;
        return t;
    }

    /** The one task of a stage made "when fed", for a language or (empty) the whole job. */
    static JobTask whenFed(TaskKind kind, UUID jobId, Optional<String> language, int round, Instant now) {
        if (kind.origin() != TaskKind.Origin.WHEN_FED || language.isPresent() != (kind.scope() == TaskKind.Scope.LANGUAGE)) {
            throw new IllegalArgumentException(kind + " is not made when fed for " + language.orElse("the whole job"));
        }
        JobTask t = pending(kind, jobId, language.orElse(null), null, null, List.of(), now);
        t.round = round;
        t.fanInKey = fanInKey(kind, language, round);
        return t;
    }

    /** {@code MIX/es}, {@code ASSEMBLE/*}; in a re-render round {@code MIX/es#2}: once per scope and round. */
    static String fanInKey(TaskKind kind, Optional<String> language, int round) {
        return kind.name() + "/" + language.orElse("*") + (round == 0 ? "" : "#" + round);
    }

    private static JobTask pending(TaskKind kind, UUID jobId, String language, String character, UUID voiceId,
                                   List<String> cueIds, Instant now) {
        JobTask t = new JobTask();
        t.id = UUID.randomUUID();
        t.jobId = jobId;
        t.kind = kind;
        t.language = language;
        t.character = character;
        t.voiceId = voiceId;
        t.cueIds = String.join("\n", cueIds);
        t.cueCount = cueIds.size();
        t.state = TaskState.PENDING;
        t.updatedAt = now;
        return t;
    }

    /**
     * Starts (or restarts) the work under a lease; false when there is nothing to do: the task ended
     * (a repeated delivery), or a live worker holds it (a duplicate dispatch). A lease held by an
     * earlier start of the same node does not count: that start is dead.
     */
    public boolean begin(Worker by, Instant now, Duration lease) {
        if (!state.isRetriable() || heldByAnotherLiveWorker(by, now)) {
            return false;
        }
        state = TaskState.RUNNING;
        attempts++;
        worker = by.id();
        leaseUntil = now.plus(lease);
        startedAt = now;
        updatedAt = now;
        return true;
    }

    private boolean heldByAnotherLiveWorker(Worker by, Instant now) {
        return state == TaskState.RUNNING && leaseUntil != null && leaseUntil.isAfter(now) && !by.succeeds(worker);
    }

    /**
     * Why the task's worker is gone, if it is: the task runs under a lease that ran out before
     * {@code now}, or under an earlier start of the observing node (which can no longer be running).
     */
    public Optional<String> orphaned(Worker observer, Instant now) {
        if (state != TaskState.RUNNING) {
            return Optional.empty();
        }
        if (observer.succeeds(worker)) {
            return Optional.of("its node " + observer.node() + " was started again while " + worker + " ran it");
        }
        if (leaseUntil == null || !leaseUntil.isAfter(now)) {
            return Optional.of("the lease of " + worker + " ran out" + (leaseUntil == null ? "" : " at " + leaseUntil));
        }
        return Optional.empty();
    }

    /**
     * Its worker is gone ({@link #orphaned}): back to PENDING with the reason, to be dispatched again;
     * the next run resumes after the last output it recorded.
     */
    public void leaseLapsed(String why, Instant now) {
        if (state != TaskState.RUNNING) {
            return;
        }
        lastError = Text.clip(why + "; dispatched again", 2000);
        state = TaskState.PENDING;
        leaseUntil = null;
        updatedAt = now;
    }

    public void succeed(Instant now) {
        end(TaskState.SUCCEEDED, null, now);
    }

    public void block(String reason, Instant now) {
        end(TaskState.BLOCKED, reason, now);
    }

    public void cancel(Instant now) {
        end(TaskState.CANCELLED, null, now);
    }

    /**
     * An attempt that had begun failed: the reason is kept, and the task is PENDING again, waiting for
     * the queue's redelivery (not an orphan to dispatch anew: the queue counts these attempts and
     * dead-letters after the last).
     */
    public void attemptFailed(String error, Instant now) {
        if (state.isTerminal()) {
            return;
        }
        lastError = Text.clip(error, 2000);
        state = TaskState.PENDING;
        leaseUntil = null;
        updatedAt = now;
    }

    /**
     * An attempt failed before it could begin (its start transaction rolled back, and with it the
     * begin): it still counts as an attempt, with its reason.
     */
    public void failedToStart(String error, Instant now) {
        if (state.isTerminal()) {
            return;
        }
        attempts++;
        lastError = Text.clip(error, 2000);
        updatedAt = now;
    }

    /** Retries are exhausted; a no-op if an earlier delivery did finish it. */
    public void failAfterRetries(Optional<String> why, Instant now) {
        why.ifPresent(w -> lastError = Text.clip(w, 2000));
        end(TaskState.FAILED, lastError == null ? "no error was recorded" : lastError, now);
    }

    private void end(TaskState to, String reason, Instant now) {
        if (state.isTerminal()) {
            return;
        }
        state = to;
        leaseUntil = null;
        if (reason != null) {
            lastError = Text.clip(reason, 2000);
        }
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public TaskKind kind() {
        return kind;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public Optional<String> character() {
        return Optional.ofNullable(character);
    }

    public Optional<UUID> voiceId() {
        return Optional.ofNullable(voiceId);
    }

    public Optional<String> worker() {
        return Optional.ofNullable(worker);
    }

    public Optional<Instant> leaseUntil() {
        return Optional.ofNullable(leaseUntil);
    }

    public List<String> cueIds() {
        return cueIds.isEmpty() ? List.of() : Arrays.asList(cueIds.split("\n"));
    }

    public TaskState state() {
        return state;
    }

    public int round() {
        return round;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** When its latest attempt started. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
