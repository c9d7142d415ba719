package org.dubgate.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dubgate.media.json.JsonText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * One link of the ledger. {@code hash = SHA-256(canonical form)}, and the canonical form includes
 * the sequence number and the previous entry's hash, so every entry vouches for all before it.
 * Times are kept to the microsecond, the precision the database stores.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    /** The hash the first entry points back to. */
    public static final String GENESIS = "0".repeat(64);

    @Id
    private long seq;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 64)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, length = 64)
    private String subjectId;

    @Column(name = "performer_id")
    private UUID performerId;

    @Column(length = 128)
    private String agency;

    @Column(nullable = false, length = 64)
    private String decision;

    @Column(nullable = false, length = 100_000)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEntry() {
        // for JPA
    }

    /** The entry that follows {@code seq - 1} whose hash was {@code prevHash}. */
    public static AuditEntry chain(long seq, String prevHash, AuditRecord r, Instant now) {
        AuditEntry e = new AuditEntry();
        e.seq = seq;
        e.at = now.truncatedTo(ChronoUnit.MICROS);
        e.actor = r.actor();
        e.action = r.action();
        e.subjectType = r.subjectType();
        e.subjectId = r.subjectId();
        e.performerId = r.performerId().orElse(null);
        e.agency = r.agency().orElse(null);
        e.decision = r.decision();
        e.detail = r.detail();
        e.prevHash = prevHash;
        e.hash = e.computeHash();
        return e;
    }

    /** The exact text that is hashed: fixed key order, RFC 8259 escaping. */
    public String canonicalForm() {
        return new JsonText().beginObject()
                .field("seq", seq)
                .field("at", at.toString())
                .field("actor", actor)
                .field("action", action)
                .field("subjectType", subjectType)
                .field("subjectId", subjectId)
                .field("performerId", performerId == null ? null : performerId.toString())
                .field("agency", agency)
                .field("decision", decision)
                .field("detail", detail)
                .field("prev", prevHash)
                .endObject().toString();
    }

    public String computeHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why this entry does not continue the chain after {@code expectedSeq - 1} with {@code expectedPrev}, if it does not. */
    public Optional<String> breakAfter(long expectedSeq, String expectedPrev) {
        if (seq != expectedSeq) {
            return Optional.of("expected entry " + expectedSeq + " but found " + seq + ": entries are missing");
        }
        if (!prevHash.equals(expectedPrev)) {
            return Optional.of("its previous-hash does not match the hash of entry " + (seq - 1));
        }
        if (!hash.equals(computeHash())) {
            return Optional.of("its content does not match its hash: the entry was altered");
        }
        return Optional.empty();
    }

    public long seq() {
        return seq;
    }

    public Instant at() {
        return at;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public Optional<UUID> performerId() {
        return Optional.ofNullable(performerId);
    }

    public Optional<String> agency() {
        return Optional.ofNullable(agency);
    }

    public String decision() {
        return decision;
    }

    public String detail() {
        return detail;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
