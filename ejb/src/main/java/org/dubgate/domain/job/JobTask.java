package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of work on the queue. A task may be delivered more than once (redelivery, a worker that
 * died): {@link #begin} refuses work that already ended, and its outputs are keyed by cue so a
 * repeated run never doubles them.
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
        return pending(TaskKind.SYNTHESIZE, jobId, language, character, voiceId, cueIds, now);
    }

    /** Mixes one language: its dialogue stem and full mix. */
    public static JobTask mix(UUID jobId, String language, Instant now) {
        return pending(TaskKind.MIX, jobId, language, null, null, List.of(), now);
    }

    /** Muxes the picture with the original and every language's mix. */
    public static JobTask assemble(UUID jobId, Instant now) {
        return pending(TaskKind.ASSEMBLE, jobId, null, null, null, List.of(), now);
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
        t.state = TaskState.PENDING;
        t.updatedAt = now;
        return t;
    }

    /** Starts (or restarts) the work; false when it already ended, so a repeated delivery does nothing. */
    public boolean begin(Instant now) {
        if (!state.isRetriable()) {
            return false;
        }
        state = TaskState.RUNNING;
        attempts++;
        startedAt = now;
        updatedAt = now;
        return true;
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

    public void recordAttemptFailure(String error, Instant now) {
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

    public List<String> cueIds() {
        return cueIds.isEmpty() ? List.of() : Arrays.asList(cueIds.split("\n"));
    }

    public TaskState state() {
        return state;
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
