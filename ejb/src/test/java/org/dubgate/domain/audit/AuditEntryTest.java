package org.dubgate.domain.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class AuditEntryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00.123456789Z");

    private static AuditRecord record(String decision) {
        return new AuditRecord("omar", "GRANT_RECORDED", "consent-grant", "g-1", Optional.of(UUID.randomUUID()),
                Optional.of("Acme"), decision, "{\"uses\":[\"VOICE_SYNTHESIS\"]}");
    }

    @Test
    void entriesChainFromGenesis() {
        AuditEntry first = AuditEntry.chain(1, AuditEntry.GENESIS, record("ACTIVE"), T0);
        AuditEntry second = AuditEntry.chain(2, first.hash(), record("REVOKED"), T0);
        assertEquals(Optional.empty(), first.breakAfter(1, AuditEntry.GENESIS));
        assertEquals(Optional.empty(), second.breakAfter(2, first.hash()));
        assertEquals(64, first.hash().length());
        assertNotEquals(first.hash(), second.hash());
        assertEquals("2026-11-21T12:00:00.123456Z", first.at().toString(), "kept to the database's microseconds");
    }

    @Test
    void breaksAreNamed() {
        AuditEntry first = AuditEntry.chain(1, AuditEntry.GENESIS, record("ACTIVE"), T0);
        AuditEntry third = AuditEntry.chain(3, first.hash(), record("ACTIVE"), T0);
        assertTrue(third.breakAfter(2, first.hash()).orElseThrow().contains("missing"));
        AuditEntry relinked = AuditEntry.chain(2, "1".repeat(64), record("ACTIVE"), T0);
        assertTrue(relinked.breakAfter(2, first.hash()).orElseThrow().contains("previous-hash"));
    }

    @Test
    void canonicalFormIsStableAndEscaped() {
        AuditRecord tricky = new AuditRecord("o\"mar", "A", "s", "id", Optional.empty(), Optional.empty(), "D", "line\nbreak");
        AuditEntry e = AuditEntry.chain(7, AuditEntry.GENESIS, tricky, T0);
        assertEquals("{\"seq\":7,\"at\":\"2026-11-21T12:00:00.123456Z\",\"actor\":\"o\\\"mar\",\"action\":\"A\","
                + "\"subjectType\":\"s\",\"subjectId\":\"id\",\"performerId\":null,\"agency\":null,\"decision\":\"D\","
                + "\"detail\":\"line\\nbreak\",\"prev\":\"" + AuditEntry.GENESIS + "\"}", e.canonicalForm());
        assertEquals(e.hash(), e.computeHash());
    }

    @Test
    void headAdvancesOneEntryAtATime() throws Exception {
        var ctor = LedgerHead.class.getDeclaredConstructor();
        ctor.setAccessible(true);
        LedgerHead head = ctor.newInstance();
        var hash = LedgerHead.class.getDeclaredField("lastHash");
        hash.setAccessible(true);
        hash.set(head, AuditEntry.GENESIS);
        AuditEntry a = head.append(record("X"), T0);
        AuditEntry b = head.append(record("Y"), T0);
        assertEquals(1, a.seq());
        assertEquals(2, b.seq());
        assertEquals(a.hash(), b.prevHash());
        assertEquals(b.hash(), head.lastHash());
    }
}
