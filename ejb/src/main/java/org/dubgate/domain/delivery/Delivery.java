package org.dubgate.domain.delivery;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.shared.GoneException;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An approved job's delivery package: its files (the manifest among them) and what became of it. It
 * is served while AVAILABLE; a revocation of a grant it used RECALLS it for good (the manager sees the
 * cues to recast), and a TEMP delivery's files are removed after its retention (the record and the
 * manifest stay).
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    public enum State { AVAILABLE, RECALLED, EXPIRED }

    /** The manifest's name in the package; the programme's tags and the WAVs' INFO chunks name it. */
    public static final String MANIFEST = "manifest.json";

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "manifest_sha256", nullable = false, length = 64)
    private String manifestSha256;

    @Column(name = "manifest_size", nullable = false)
    private long manifestSize;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When a TEMP delivery's files are removed; none for FINAL. */
    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "recalled_at")
    private Instant recalledAt;

    @Column(name = "recall_reason", length = 2000)
    private String recallReason;

    @Column(name = "files_removed_at")
    private Instant filesRemovedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "delivery_id", nullable = false)
    @OrderBy("position")
    private List<DeliveryFile> files = new ArrayList<>();

    @Version
    private long version;

    protected Delivery() {
        // for JPA
    }

    /**
     * @param files     every file of the package, the manifest last
     * @param retention how long a TEMP delivery's files are kept
     */
    public static Delivery of(UUID id, UUID jobId, Purpose purpose, List<DeliveryFile> files, String by, Instant now,
                              Duration retention) {
        Delivery d = new Delivery();
        d.id = id;
        d.jobId = jobId;
        d.purpose = purpose;
        d.state = State.AVAILABLE;
        d.files.addAll(files);
        DeliveryFile manifest = files.stream().filter(f -> f.kind() == DeliveryFile.Kind.MANIFEST).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a delivery without its manifest"));
        d.manifestSha256 = manifest.contentSha256();
        d.manifestSize = manifest.sizeBytes();
        d.createdBy = by;
        d.createdAt = now;
        d.expiresAt = purpose == Purpose.TEMP ? now.plus(retention) : null;
        return d;
    }

    /** A grant it used was revoked: never served again. */
    public void recall(String reason, Instant now) {
        if (state == State.AVAILABLE) {
            state = State.RECALLED;
            recalledAt = now;
            recallReason = Text.clip(reason, 2000);
        }
    }

    /** Its retention ended and its files were removed; the record and the manifest stay. */
    public void filesRemoved(Instant now) {
        filesRemovedAt = now;
        if (state == State.AVAILABLE) {
            state = State.EXPIRED;
        }
    }

    /**
     * The file to serve under this name; the manifest is served as long as the record lasts, the
     * rest only while AVAILABLE.
     */
    public DeliveryFile servable(String name) {
        DeliveryFile f = files.stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchEntityException("file of delivery " + id, name));
        if (f.kind() != DeliveryFile.Kind.MANIFEST) {
            requireServable();
        }
        return f;
    }

    /** Refuses (410, with the reason) a delivery that is no longer served. */
    public void requireServable() {
        if (state == State.RECALLED) {
            throw new GoneException("delivery " + id + " was recalled at " + recalledAt + ": " + recallReason);
        }
        if (state == State.EXPIRED) {
            throw new GoneException("delivery " + id + " was TEMP: its files were removed at " + filesRemovedAt
                    + " when its retention ended (the record and manifest stay)");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public Purpose purpose() {
        return purpose;
    }

    public State state() {
        return state;
    }

    public String manifestSha256() {
        return manifestSha256;
    }

    public long manifestSize() {
        return manifestSize;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> recalledAt() {
        return Optional.ofNullable(recalledAt);
    }

    public Optional<String> recallReason() {
        return Optional.ofNullable(recallReason);
    }

    public Optional<Instant> filesRemovedAt() {
        return Optional.ofNullable(filesRemovedAt);
    }

    public List<DeliveryFile> files() {
        return List.copyOf(files);
    }
}
