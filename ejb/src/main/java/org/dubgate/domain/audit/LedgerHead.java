package org.dubgate.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that names the ledger's last entry. Appenders lock it (SELECT ... FOR UPDATE), so
 * appends from every thread and node form one chain, in commit order, without gaps.
 */
@Entity
@Table(name = "audit_head")
public class LedgerHead {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected LedgerHead() {
        // for JPA; the row is created by the schema migration
    }

    public AuditEntry append(AuditRecord record, java.time.Instant now) {
        AuditEntry entry = AuditEntry.chain(lastSeq + 1, lastHash, record, now);
        lastSeq = entry.seq();
        lastHash = entry.hash();
        return entry;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }
}
