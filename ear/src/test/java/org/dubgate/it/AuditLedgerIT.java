package org.dubgate.it;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.audit.AuditReader;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.shared.PageRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/** The ledger inside the server: concurrent appends stay one chain; an altered row is named by verification. */
@ExtendWith(ArquillianExtension.class)
class AuditLedgerIT {

    private static final int THREADS = 16;
    private static final int PER_THREAD = 25;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.earWith(AuditLedgerIT.class);
    }

    @Inject
    AuditLedger ledger;
    @Inject
    AuditReader reader;
    @Resource
    UserTransaction tx;
    @Resource
    ManagedExecutorService executor;
    @Resource(lookup = "java:jboss/datasources/DubgateDS")
    DataSource dataSource;

    private AuditEntry appendOne(String actor, String subject) throws Exception {
        tx.begin();
        try {
            AuditEntry e = ledger.append(new AuditRecord(actor, "TEST_EVENT", "test", subject, Optional.empty(),
                    Optional.empty(), "RECORDED", "{\"n\":1}"));
            tx.commit();
            return e;
        } catch (Exception | Error failure) {
            tx.rollback();
            throw failure;
        }
    }

    @Test
    void sixteenThreadsAppendingLeaveOneValidChainWithNothingLost() throws Exception {
        String run = "concurrent-" + UUID.randomUUID();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(executor.submit(() -> {
                for (int i = 0; i < PER_THREAD; i++) {
                    appendOne("ledger-test", run);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        List<AuditEntry> ours = reader.search(new AuditRepository.Filter(Optional.of(run), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), PageRequest.first(500)).items();
        assertEquals(THREADS * PER_THREAD, ours.size(), "no append lost");
        assertEquals(ours.size(), ours.stream().map(AuditEntry::seq).distinct().count(), "no sequence number twice");
        AuditReader.Verification v = reader.verify();
        assertTrue(v.valid(), v.problem());
        assertTrue(v.entriesChecked() >= THREADS * PER_THREAD);
    }

    @Test
    void verificationNamesTheFirstAlteredEntry() throws Exception {
        appendOne("ledger-test", "before");
        AuditEntry target = appendOne("ledger-test", "target-" + UUID.randomUUID());
        appendOne("ledger-test", "after");
        assertTrue(reader.verify().valid());

        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update audit_entry set decision = ? where seq = ?")) {
            update.setString(1, "FORGED");
            update.setLong(2, target.seq());
            assertEquals(1, update.executeUpdate());
        }
        try {
            AuditReader.Verification v = reader.verify();
            assertFalse(v.valid());
            assertEquals(target.seq(), v.firstBrokenSeq());
            assertTrue(v.problem().contains("altered"), v.problem());
        } finally {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement restore = c.prepareStatement("update audit_entry set decision = ? where seq = ?")) {
                restore.setString(1, "RECORDED");
                restore.setLong(2, target.seq());
                restore.executeUpdate();
            }
        }
        assertTrue(reader.verify().valid(), "restored");
    }
}
