package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dubgate.media.timing.TimeFit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A synthesized line: the audio in content storage and what made it — the model with the artifact
 * hash it ran with, and the consent grant that covered it. One per (task, cue): a repeated run of
 * the task finds it and does not make another.
 */
@Entity
@Table(name = "cue_output")
public class CueOutput {

    @Id
    private UUID id;

    @Column(name = "task_id", nullable = false)
    private UUID taskId;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "cue_id", nullable = false, length = 100)
    private String cueId;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "duration_micros", nullable = false)
    private long durationMicros;

    @Column(name = "model_id", nullable = false)
    private UUID modelId;

    @Column(name = "model_sha256", nullable = false, length = 64)
    private String modelSha256;

    @Column(name = "grant_id")
    private UUID grantId;

    @Column(nullable = false)
    private boolean quarantined;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "placed_start_micros", nullable = false)
    private long placedStartMicros;

    @Column(nullable = false)
    private double tempo;

    @Column(name = "fitted_micros", nullable = false)
    private long fittedMicros;

    @Column(name = "borrowed_micros", nullable = false)
    private long borrowedMicros;

    /** Set when the line did not fit even at the tempo limit: the ratio it would have needed (QA flag OVERFLOW). */
    @Column(name = "overflow_ratio")
    private Double overflowRatio;

    /** Flags automatic QA raised on the line (the kinds of its FLAGGED checks), comma-separated. */
    @Column(name = "qa_flags", nullable = false, length = 300)
    private String qaFlags = "";

    /** The round of the job's work that made this version of the line. */
    @Column(name = "render_round", nullable = false)
    private int round;

    /** A later version of the line replaced this one: kept for the record, never mixed or delivered again. */
    @Column(nullable = false)
    private boolean superseded;

    /** What made the line: its text, voice and settings, model hash and tempo limit, as one SHA-256. */
    @Column(length = 64)
    private String fingerprint;

    /** The text the line speaks, as it was when the line was made. */
    @Column(name = "spoken_text", length = 4000)
    private String spokenText;

    /** How long the engine took to make the line. */
    @Column(name = "engine_micros", nullable = false)
    private long engineMicros;

    protected CueOutput() {
        // for JPA
    }

    /** What the engine was asked for: the line's text, and what made it ({@link #fingerprint()}). */
    public record Made(int round, String text, String fingerprint) {
    }

    public CueOutput(UUID taskId, UUID jobId, String cueId, String contentSha256, Duration length, TimeFit fit,
                     Duration engineTime, UUID modelId, String modelSha256, UUID grantId, Made made, Instant now) {
        this.id = UUID.randomUUID();
        this.round = made.round();
        this.spokenText = org.dubgate.domain.shared.Text.clip(made.text(), 4000);
        this.fingerprint = made.fingerprint();
        this.taskId = taskId;
        this.jobId = jobId;
        this.cueId = cueId;
        this.contentSha256 = contentSha256;
        this.durationMicros = length.toNanos() / 1000;
        this.modelId = modelId;
        this.modelSha256 = modelSha256;
        this.grantId = grantId;
        this.createdAt = now;
        this.placedStartMicros = micros(fit.start());
        this.tempo = fit.tempo();
        this.fittedMicros = micros(fit.fittedLength());
        this.borrowedMicros = micros(fit.borrowed());
        this.overflowRatio = fit.overflow().orElse(null);
        this.engineMicros = micros(engineTime);
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    private static Duration ofMicros(long micros) {
        return Duration.of(micros, ChronoUnit.MICROS);
    }

    /** Where and how fast the line plays in the dialogue stem, and whether it overflowed its slot. */
    public TimeFit timeFit() {
        return new TimeFit(ofMicros(placedStartMicros), tempo, ofMicros(fittedMicros), ofMicros(borrowedMicros),
                Optional.ofNullable(overflowRatio));
    }

    /**
     * The QA flags of this line: OVERFLOW when it did not fit its slot at the tempo limit, then what
     * automatic QA flagged.
     */
    public List<String> flags() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (overflowRatio != null) {
            all.add("OVERFLOW");
        }
        if (!qaFlags.isEmpty()) {
            all.addAll(List.of(qaFlags.split(",")));
        }
        return List.copyOf(all);
    }

    /** Automatic QA flagged the line: the flag joins its others, once. */
    public void flag(String flag) {
        if (!flags().contains(flag)) {
            qaFlags = qaFlags.isEmpty() ? flag : qaFlags + "," + flag;
        }
    }

    public Duration engineTime() {
        return ofMicros(engineMicros);
    }

    /** Whether this line may go into a mix: not quarantined, and not replaced by a later version. */
    public boolean usable() {
        return !quarantined && !superseded;
    }

    /** A later version of the line was made (a re-render): this one is kept for the record only. */
    public void supersede() {
        superseded = true;
    }

    public boolean superseded() {
        return superseded;
    }

    public int round() {
        return round;
    }

    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    public Optional<String> spokenText() {
        return Optional.ofNullable(spokenText);
    }

    /** Made under a grant since revoked: kept for the record, never used further. */
    public void quarantine() {
        quarantined = true;
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

    public String cueId() {
        return cueId;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public Duration length() {
        return ofMicros(durationMicros);
    }

    public UUID modelId() {
        return modelId;
    }

    public String modelSha256() {
        return modelSha256;
    }

    public Optional<UUID> grantId() {
        return Optional.ofNullable(grantId);
    }

    public boolean quarantined() {
        return quarantined;
    }
}
