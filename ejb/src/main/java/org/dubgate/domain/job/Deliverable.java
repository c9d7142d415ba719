package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A file a MIX, LIP_SYNC or ASSEMBLE task made for the job's delivery: a language's dialogue stem or
 * full mix, a language's lip-synced picture, or an assembled programme. Content-addressed; one per
 * task, kind and language, so a repeated run of the task does not add another.
 */
@Entity
@Table(name = "job_deliverable")
public class Deliverable {

    /** What the file is. */
    public enum Kind {
        /** A language's dialogue alone, 48 kHz 24-bit mono WAV. */
        DIALOGUE_STEM,
        /** A language's full mix, 48 kHz 24-bit WAV. */
        FULL_MIX,
        /**
         * The picture with the original and every dubbed audio track (Matroska); with a language, that
         * language's programme: its lip-synced picture with the original sound and its own mix.
         */
        PROGRAMME,
        /**
         * A language's picture with its lip-synced shots re-drawn (Matroska: the source's streams, the GOPs
         * holding altered frames re-encoded); not delivered on its own: its language's programme carries it.
         */
        ALTERED_PICTURE;

        /** Whether the file goes into the delivery package as it is. */
        public boolean delivered() {
            return this != ALTERED_PICTURE;
        }
    }

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(length = 35)
    private String language;

    /** The language, or '' for a file of the whole job: what the one-file-per-task-kind-and-language constraint compares. */
    @Column(name = "language_key", nullable = false, length = 35)
    private String languageKey;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(length = 200)
    private String method;

    /** QA flags raised while making it (e.g. NO_MNE_ORIGINAL_AUDIBLE), comma-separated. */
    @Column(nullable = false, length = 200)
    private String flags;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The round of the job's work that made the file; a later round's file of the same kind and language replaces it. */
    @Column(name = "render_round", nullable = false)
    private int round;

    /** Why the file is no longer served: it holds a performance whose consent was revoked (R9). */
    @Column(name = "withheld_reason", length = 500)
    private String withheldReason;

    /** A full mix: the gain MIX applied to the dub's dialogue to meet the job's loudness, in dB. */
    @Column(name = "dialogue_gain_db")
    private Double dialogueGainDb;

    /** A full mix: the most the true-peak limiter took off anywhere, in dB (0: it never engaged). */
    @Column(name = "limiter_reduction_db")
    private Double limiterReductionDb;

    protected Deliverable() {
        // for JPA
    }

    public Deliverable(JobTask madeBy, Kind kind, String contentSha256, long sizeBytes, Optional<String> method,
                       List<String> flags, Instant now) {
        this(madeBy, kind, madeBy.language(), contentSha256, sizeBytes, method, flags, now);
    }

    /** A file of one language made by a task of the whole job (a lip-synced language's programme). */
    public Deliverable(JobTask madeBy, Kind kind, Optional<String> language, String contentSha256, long sizeBytes,
                       Optional<String> method, List<String> flags, Instant now) {
        this.id = UUID.randomUUID();
        this.jobId = madeBy.jobId();
        this.taskId = madeBy.id();
        this.round = madeBy.round();
        this.kind = kind;
        this.language = language.orElse(null);
        this.languageKey = language.orElse("");
        this.contentSha256 = contentSha256;
        this.sizeBytes = sizeBytes;
        this.method = method.orElse(null);
        this.flags = String.join(",", flags);
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public UUID taskId() {
        return taskId;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    public String contentSha256() {
        return contentSha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Optional<String> method() {
        return Optional.ofNullable(method);
    }

    public List<String> flags() {
        return flags.isEmpty() ? List.of() : Arrays.asList(flags.split(","));
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int round() {
        return round;
    }

    public Optional<String> withheldReason() {
        return Optional.ofNullable(withheldReason);
    }

    /** It holds a performance whose consent was revoked: never served again, kept for the record. */
    public void withhold(String reason) {
        if (withheldReason == null) {
            withheldReason = org.dubgate.domain.shared.Text.clip(reason, 500);
        }
    }

    /** What MIX did to meet the job's loudness: the dialogue's gain and the limiter's deepest reduction. */
    public void loudnessControl(double gainDb, double limiterDb) {
        this.dialogueGainDb = gainDb;
        this.limiterReductionDb = limiterDb;
    }

    public java.util.OptionalDouble dialogueGainDb() {
        return dialogueGainDb == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(dialogueGainDb);
    }

    public java.util.OptionalDouble limiterReductionDb() {
        return limiterReductionDb == null ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(limiterReductionDb);
    }

    /** Automatic QA flagged the language: the flag joins the mix's others, once. */
    public void flag(String flag) {
        if (!flags().contains(flag)) {
            flags = flags.isEmpty() ? flag : flags + "," + flag;
        }
    }
}
