package org.dubgate.domain.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.StreamInfo;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An uploaded media file. The bytes live in content-addressed storage under {@link #contentSha256()};
 * this aggregate tracks what probing found and why the file was refused, if it was.
 */
@Entity
@Table(name = "media_asset")
public class MediaAsset {

    private static final int TEXT_LIMIT = 2000;

    @Id
    private UUID id;

    @Column(name = "original_name", nullable = false, length = 512)
    private String originalName;

    @Column(name = "declared_type", nullable = false, length = 255)
    private String declaredType;

    @Column(name = "content_sha256", nullable = false, length = 64)
    private String contentSha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MediaState state;

    @Column(name = "state_reason", length = TEXT_LIMIT)
    private String stateReason;

    @Column(name = "probe_json", length = 100_000)
    private String probeJson;

    @Column(name = "duration_seconds")
    private Double durationSeconds;

    /** Channels of the first audio stream as probed; 0 when there is none. */
    @Column(name = "audio_channels")
    private Integer audioChannels;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = TEXT_LIMIT)
    private String lastError;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MediaAsset() {
        // for JPA
    }

    public static MediaAsset uploaded(String originalName, String declaredType, String contentSha256, long sizeBytes,
                                      String uploadedBy, Instant now) {
        MediaAsset m = new MediaAsset();
        m.id = UUID.randomUUID();
        m.originalName = clip(originalName, 512);
        m.declaredType = clip(declaredType, 255);
        m.contentSha256 = contentSha256;
        m.sizeBytes = sizeBytes;
        m.state = MediaState.PENDING;
        m.uploadedBy = uploadedBy;
        m.createdAt = now;
        m.updatedAt = now;
        return m;
    }

    /**
     * Starts a probing attempt. Returns false when there is nothing left to do (a redelivered
     * message for an asset already decided), so repeated work changes nothing.
     */
    public boolean beginProbeAttempt(Instant now) {
        return beginProbeAttempt(0, now);
    }

    /**
     * Starts the probing attempt of the broker's {@code delivery} (its JMSXDeliveryCount, 0 when
     * unknown). The count follows the broker's, not only the attempts that got this far: under a
     * two-phase commit the broker may hand out the message before the database shows the row that the
     * same transaction inserted, and that delivery fails before it can count itself (seen on
     * PostgreSQL: 3 deliveries, 2 attempts counted).
     */
    public boolean beginProbeAttempt(int delivery, Instant now) {
        if (!state.isRetriable()) {
            return false;
        }
        attempts = Math.max(attempts + 1, delivery);
        updatedAt = now;
        return true;
    }

    public void markReady(MediaProbe probe, Instant now) {
        requirePending("mark ready");
        state = MediaState.READY;
        probeJson = probe.toJson();
        durationSeconds = probe.durationSeconds();
        audioChannels = probe.firstAudio().map(StreamInfo.Audio::channels).orElse(0);
        stateReason = null;
        updatedAt = now;
    }

    public void reject(String reason, Instant now) {
        requirePending("reject");
        state = MediaState.REJECTED;
        stateReason = clip(reason, TEXT_LIMIT);
        updatedAt = now;
    }

    /** Remembers why an attempt failed, so the final FAILED state can say it. */
    public void recordAttemptFailure(String error, Instant now) {
        lastError = clip(error, TEXT_LIMIT);
        updatedAt = now;
    }

    /** Retries are exhausted. A no-op when an earlier attempt did reach a decision. */
    public void failAfterRetries(Instant now) {
        if (state.isTerminal()) {
            return;
        }
        state = MediaState.FAILED;
        stateReason = clip("probing failed after " + attempts + " attempt(s): "
                + Optional.ofNullable(lastError).orElse("no error was recorded"), TEXT_LIMIT);
        updatedAt = now;
    }

    public void requireReady() {
        if (state != MediaState.READY) {
            throw new RuleViolationException("media " + id + " is " + state + ", not READY");
        }
    }

    private void requirePending(String action) {
        if (state != MediaState.PENDING) {
            throw new RuleViolationException("cannot " + action + " media " + id + ": it is already " + state);
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    public UUID id() {
        return id;
    }

    public String originalName() {
        return originalName;
    }

    public String declaredType() {
        return declaredType;
    }

    public String contentSha256() {
        return contentSha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public MediaState state() {
        return state;
    }

    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    public Optional<String> probeJson() {
        return Optional.ofNullable(probeJson);
    }

    /** Whether the probe found sound in it (unknown for records probed before this was kept). */
    public Optional<Boolean> hasAudio() {
        return Optional.ofNullable(audioChannels).map(c -> c > 0);
    }

    public Optional<Double> durationSeconds() {
        return Optional.ofNullable(durationSeconds);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
