package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

/**
 * One automatic QA check a CHECK task made of a language, or of one synthesized line of it: what
 * was measured, the figure, the threshold it was held to and the verdict. A FLAGGED check puts its
 * kind on the line's or the language's flags, which the review queue shows.
 */
@Entity
@Table(name = "job_check")
public class QaCheck {

    /** What a check concluded. */
    public enum Verdict {
        /** Within its threshold. */
        PASSED,
        /** Outside its threshold: a person has to look. */
        FLAGGED,
        /** A figure for the record, with no threshold (the original's level, the gain MIX applied). */
        NOTED
    }

    /** What was checked. Language checks have no output; line checks name theirs. */
    public enum Kind {
        DIALOGUE_LOUDNESS, PROGRAMME_LOUDNESS, TRUE_PEAK, CLIPPING, PROGRAMME_DURATION, TRACK_TAGS,
        NO_MNE_ORIGINAL_AUDIBLE, ORIGINAL_DIALOGUE_LOUDNESS, MIX_GAIN,
        LINE_EMPTY, LINE_SILENT, LINE_TOO_SHORT, LINE_DROPOUT, LINE_CLIPPING, OVERFLOW, SCRIPT_CONFORMANCE;

        /** Whether the check is about one line rather than the whole language. */
        public boolean ofLine() {
            return name().startsWith("LINE_") || this == OVERFLOW || this == SCRIPT_CONFORMANCE;
        }
    }

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Column(nullable = false, length = 35)
    private String language;

    @Column(name = "output_id")
    private UUID outputId;

    @Column(name = "cue_id", length = 200)
    private String cueId;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_kind", nullable = false, length = 32)
    private Kind kind;

    private Double figure;

    @Column(nullable = false, length = 16)
    private String unit;

    @Column(length = 80)
    private String threshold;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Verdict verdict;

    @Column(length = 500)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected QaCheck() {
        // for JPA
    }

    /** What a check found, before it is tied to a task: the figure, its threshold and the verdict. */
    public record Finding(Kind kind, Optional<UUID> outputId, Optional<String> cueId, OptionalDouble figure,
                          String unit, Optional<String> threshold, Verdict verdict, Optional<String> detail) {
    }

    public QaCheck(UUID jobId, UUID taskId, String language, Finding f, Instant now) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.taskId = taskId;
        this.language = language;
        this.outputId = f.outputId().orElse(null);
        this.cueId = f.cueId().orElse(null);
        this.kind = f.kind();
        this.figure = f.figure().isPresent() && Double.isFinite(f.figure().getAsDouble()) ? f.figure().getAsDouble() : null;
        this.unit = f.unit();
        this.threshold = f.threshold().orElse(null);
        this.verdict = f.verdict();
        this.detail = f.detail().map(d -> d.length() > 500 ? d.substring(0, 497) + "..." : d).orElse(null);
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    /** The CHECK task that made it (and with it the round of work it checked). */
    public UUID taskId() {
        return taskId;
    }

    public String language() {
        return language;
    }

    public Optional<UUID> outputId() {
        return Optional.ofNullable(outputId);
    }

    public Optional<String> cueId() {
        return Optional.ofNullable(cueId);
    }

    public Kind kind() {
        return kind;
    }

    /** Empty when there is nothing to measure (a silent line has no level) or the check has no number. */
    public OptionalDouble figure() {
        return figure == null ? OptionalDouble.empty() : OptionalDouble.of(figure);
    }

    public String unit() {
        return unit;
    }

    public Optional<String> threshold() {
        return Optional.ofNullable(threshold);
    }

    public Verdict verdict() {
        return verdict;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
