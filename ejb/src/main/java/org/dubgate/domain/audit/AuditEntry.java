package org.dubgate.domain.audit;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
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

    /** Made once: {@code Json.createGenerator} looks the JSON-P provider up on every call. */
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

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

    /**
     * The exact text that is hashed: one compact JSON object, keys in this fixed order, absent values
     * as {@code null}, RFC 8259 escaping as below. It must never change, or ledgers written before stop
     * verifying ({@code AuditEntryCanonicalFormTest} pins it).
     */
    public String canonicalForm() {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject().write("seq", seq);
            text(json, "at", at.toString());
            text(json, "actor", actor);
            text(json, "action", action);
            text(json, "subjectType", subjectType);
            text(json, "subjectId", subjectId);
            text(json, "performerId", performerId == null ? null : performerId.toString());
            text(json, "agency", agency);
            text(json, "decision", decision);
            text(json, "detail", detail);
            text(json, "prev", prevHash);
            json.writeEnd();
        }
        return withLedgerEscapes(out.toString());
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    /**
     * The ledger's escapes, from the generator's. The canonical form was first written by a hand-made
     * JSON writer. It and Parsson escape every character alike (quote and backslash with a backslash;
     * newline, carriage return and tab as the short escapes n, r, t; every other character below U+0020
     * as a "backslash u" escape with four lower-case hex digits; everything else, DEL and non-ASCII
     * included, as itself) except two: Parsson writes U+0008 and U+000C as the short escapes b and f,
     * where the ledger has always had the "backslash u" forms 0008 and 000c. Parsson has no setting for
     * its escaping, so those two are rewritten here. In generator output a backslash only ever starts an
     * escape (a backslash in the text is written as two), so reading escape by escape never mistakes one
     * for another. (Unicode escapes are spelt out in words here because javac reads them even in
     * comments.)
     */
    private static String withLedgerEscapes(String json) {
        if (json.indexOf('\\') < 0) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length() + 8);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = json.charAt(++i);
            switch (escape) {
                case 'b' -> out.append("\\u0008");
                case 'f' -> out.append("\\u000c");
                default -> out.append('\\').append(escape);
            }
        }
        return out.toString();
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
