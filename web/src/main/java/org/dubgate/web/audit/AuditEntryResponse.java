package org.dubgate.web.audit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dubgate.domain.audit.AuditEntry;

import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;

/** A ledger entry with its detail as JSON and the hashes that chain it. */
public record AuditEntryResponse(long seq, Instant at, String actor, String action, String subjectType,
                                 String subjectId, String performerId, String agency, String decision, JsonObject detail,
                                 String prevHash, String hash) {

    public static AuditEntryResponse of(AuditEntry e) {
        JsonObject detail;
        try (var reader = Json.createReader(new StringReader(e.detail()))) {
            detail = reader.readObject();
        }
        return new AuditEntryResponse(e.seq(), e.at(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.performerId().map(UUID::toString).orElse(null), e.agency().orElse(null), e.decision(), detail,
                e.prevHash(), e.hash());
    }
}
