package org.dubgate.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.audit.LedgerHead;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.List;
import java.util.Optional;

/** Reads the ledger with filters and cursor paging, and verifies the whole chain. */
@Stateless
public class AuditReader {

    private static final int VERIFY_BATCH = 1000;

    /** The outcome of walking the chain: valid, or the first entry that breaks it and why. */
    public record Verification(boolean valid, long entriesChecked, Long firstBrokenSeq, String problem) {
    }

    @Inject
    AuditRepository audit;

    public Page<AuditEntry> search(AuditRepository.Filter filter, PageRequest page) {
        List<AuditEntry> rows = audit.search(filter, page.afterSequence(), page.limit() + 1);
        return Page.fromOverfetch(rows, page.limit(), e -> Long.toString(e.seq()));
    }

    /**
     * Walks every entry in order, recomputing each hash and checking each link. Runs without a
     * transaction so each batch is detached once read: memory stays flat however long the ledger.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Verification verify() {
        long expectedSeq = 1;
        String expectedPrev = AuditEntry.GENESIS;
        long checked = 0;
        List<AuditEntry> batch;
        do {
            batch = audit.after(expectedSeq - 1, VERIFY_BATCH);
            for (AuditEntry e : batch) {
                Optional<String> broken = e.breakAfter(expectedSeq, expectedPrev);
                if (broken.isPresent()) {
                    return new Verification(false, checked, e.seq(), "entry " + e.seq() + ": " + broken.get());
                }
                checked++;
                expectedSeq = e.seq() + 1;
                expectedPrev = e.hash();
            }
        } while (batch.size() == VERIFY_BATCH);
        LedgerHead head = audit.readHead();
        if (head.lastSeq() != checked || !head.lastHash().equals(expectedPrev)) {
            return new Verification(false, checked, checked + 1, "the ledger head names entry " + head.lastSeq()
                    + " as the last, but the chain ends at entry " + checked + ": entries were removed");
        }
        return new Verification(true, checked, null, null);
    }
}
