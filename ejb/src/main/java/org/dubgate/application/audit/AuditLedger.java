package org.dubgate.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.audit.LedgerHead;

import java.time.Clock;

/**
 * Appends entries. {@link #append} joins the caller's transaction, so an entry exists exactly when
 * the change it records was committed. Appends serialize on the ledger head row: one chain, no gaps.
 */
@Stateless
public class AuditLedger {

    @Inject
    AuditRepository audit;
    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public AuditEntry append(AuditRecord record) {
        LedgerHead head = audit.lockHead();
        AuditEntry entry = head.append(record, clock.instant());
        audit.add(entry);
        return entry;
    }

    /** For decisions whose own transaction rolls back (a refusal) but which must still be on record. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEntry appendOnItsOwn(AuditRecord record) {
        return append(record);
    }
}
