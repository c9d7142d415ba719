package org.dubgate.domain.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface AuditRepository {

    /** The ledger head, locked until the current transaction ends. */
    LedgerHead lockHead();

    /** The ledger head as committed, without locking it. */
    LedgerHead readHead();

    void add(AuditEntry entry);

    /** Entries after {@code afterSeq} in order, at most {@code limit}, for walking the chain. */
    List<AuditEntry> after(long afterSeq, int limit);

    /** Filtered entries after {@code afterSeq} in order. */
    List<AuditEntry> search(Filter filter, long afterSeq, int limit);

    /** Every criterion is optional; present ones must all match. */
    record Filter(Optional<String> subjectId, Optional<UUID> performerId, Optional<String> agency,
                  Optional<Instant> from, Optional<Instant> to) {
    }
}
