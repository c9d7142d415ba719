package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One shot a LIP_SYNC task re-drew: where (the span, the frames, the mouth region in source pixels,
 * the stretch of picture re-encoded by whole GOPs), how well the picture matched the dub before and
 * after, and what did it (the model and its artifact hash, the on-screen performer and the grant that
 * cleared the use, R1/R5/R7). Quarantined when that grant is revoked (R9), like a line.
 */
@Entity
@Table(name = "job_altered_shot")
public class AlteredShot {

    @Id
    private UUID id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(name = "task_id", nullable = false)
    private UUID taskId;
    @Column(name = "render_round", nullable = false)
    private int round;
    @Column(nullable = false, length = 35)
    private String language;
    @Column(name = "character_name", nullable = false, length = 100)
    private String character;
    @Column(name = "start_micros", nullable = false)
    private long startMicros;
    @Column(name = "end_micros", nullable = false)
    private long endMicros;
    @Column(name = "reencoded_start_micros", nullable = false)
    private long reencodedStartMicros;
    @Column(name = "reencoded_end_micros", nullable = false)
    private long reencodedEndMicros;
    @Column(name = "first_frame", nullable = false)
    private int firstFrame;
    @Column(name = "last_frame", nullable = false)
    private int lastFrame;
    @Column(name = "frames_altered", nullable = false)
    private int framesAltered;
    @Column(name = "frames_with_face", nullable = false)
    private int framesWithFace;
    @Column(name = "mouth_x", nullable = false)
    private int mouthX;
    @Column(name = "mouth_y", nullable = false)
    private int mouthY;
    @Column(name = "mouth_w", nullable = false)
    private int mouthW;
    @Column(name = "mouth_h", nullable = false)
    private int mouthH;
    @Column(name = "sync_before", nullable = false)
    private double syncBefore;
    @Column(name = "sync_after", nullable = false)
    private double syncAfter;
    @Column(name = "model_id", nullable = false)
    private UUID modelId;
    @Column(name = "model_sha256", nullable = false, length = 64)
    private String modelSha256;
    @Column(name = "grant_id")
    private UUID grantId;
    @Column(name = "performer_id", nullable = false)
    private UUID performerId;
    /** A before|after still of the face, for the reviewer. */
    @Column(name = "still_sha256", nullable = false, length = 64)
    private String stillSha256;
    @Column(nullable = false)
    private boolean quarantined;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AlteredShot() {
        // for JPA
    }

    /** The mouth region, in source pixels. */
    public record Region(int x, int y, int width, int height) {
    }

    /** What the alteration of one shot measured and changed. */
    public record Alteration(Shot span, Shot reencoded, int firstFrame, int lastFrame, int framesAltered,
                             int framesWithFace, Region mouth, double syncBefore, double syncAfter, String stillSha256) {
    }

    /** Who and what cleared and made the alteration. */
    public record Provenance(UUID modelId, String modelSha256, UUID performerId, Optional<UUID> grantId) {
    }

    public static AlteredShot made(JobTask task, String character, Alteration a, Provenance p, Instant now) {
        AlteredShot s = new AlteredShot();
        s.id = UUID.randomUUID();
        s.jobId = task.jobId();
        s.taskId = task.id();
        s.round = task.round();
        s.language = task.language().orElseThrow();
        s.character = character;
        s.startMicros = micros(a.span().start());
        s.endMicros = micros(a.span().end());
        s.reencodedStartMicros = micros(a.reencoded().start());
        s.reencodedEndMicros = micros(a.reencoded().end());
        s.firstFrame = a.firstFrame();
        s.lastFrame = a.lastFrame();
        s.framesAltered = a.framesAltered();
        s.framesWithFace = a.framesWithFace();
        s.mouthX = a.mouth().x();
        s.mouthY = a.mouth().y();
        s.mouthW = a.mouth().width();
        s.mouthH = a.mouth().height();
        s.syncBefore = a.syncBefore();
        s.syncAfter = a.syncAfter();
        s.stillSha256 = a.stillSha256();
        s.modelId = p.modelId();
        s.modelSha256 = p.modelSha256();
        s.performerId = p.performerId();
        s.grantId = p.grantId().orElse(null);
        s.createdAt = now;
        return s;
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    /** The grant that cleared it was revoked (R9): the altered picture is no longer served. */
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

    public int round() {
        return round;
    }

    public String language() {
        return language;
    }

    public String character() {
        return character;
    }

    public Shot span() {
        return new Shot(Duration.of(startMicros, ChronoUnit.MICROS), Duration.of(endMicros, ChronoUnit.MICROS));
    }

    public Shot reencoded() {
        return new Shot(Duration.of(reencodedStartMicros, ChronoUnit.MICROS),
                Duration.of(reencodedEndMicros, ChronoUnit.MICROS));
    }

    public int firstFrame() {
        return firstFrame;
    }

    public int lastFrame() {
        return lastFrame;
    }

    public int framesAltered() {
        return framesAltered;
    }

    public int framesWithFace() {
        return framesWithFace;
    }

    public Region mouth() {
        return new Region(mouthX, mouthY, mouthW, mouthH);
    }

    public double syncBefore() {
        return syncBefore;
    }

    public double syncAfter() {
        return syncAfter;
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

    public UUID performerId() {
        return performerId;
    }

    public String stillSha256() {
        return stillSha256;
    }

    public boolean quarantined() {
        return quarantined;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
