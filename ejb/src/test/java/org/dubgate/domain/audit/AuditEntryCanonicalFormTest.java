package org.dubgate.domain.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Pins the ledger's canonical form byte for byte. The literals below were computed by the canonical
 * form as it was first written (a hand-written JSON writer); whatever builds the text now must give
 * the same bytes, or every ledger written before stops verifying. Never change these literals to make
 * a new implementation pass.
 */
class AuditEntryCanonicalFormTest {

    /** Every kind of character the escaping treats specially: quotes, backslashes, C0 controls
     *  (the short escapes and the \\u00XX ones, NUL included), DEL, '/', non-ASCII, a surrogate pair
     *  and U+2028. */
    private static final String DETAIL = "{\"note\":\"say \\\"hi\\\"\",\"path\":\"C:\\\\tmp\"} quote\" backslash\\"
            + " ctl\u0001 bs\b ff\f tab\t nl\n cr\r del\u007f slash/ e\u00e9 emoji\ud83c\udfac ls\u2028 nul\u0000";

    private static final String PREV = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final String CANONICAL_41 = "{\"seq\":41,\"at\":\"2026-03-14T09:26:53.589793Z\",\"actor\":\"mar\u00eda\","
            + "\"action\":\"GRANT_RECORDED\",\"subjectType\":\"consent-grant\",\"subjectId\":\"g-42\","
            + "\"performerId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"agency\":\"Acme \\\"Voices\\\" Ltd\","
            + "\"decision\":\"ACTIVE\",\"detail\":\"{\\\"note\\\":\\\"say \\\\\\\"hi\\\\\\\"\\\",\\\"path\\\":\\\"C:\\\\\\\\tmp\\\"}"
            + " quote\\\" backslash\\\\ ctl\\u0001 bs\\u0008 ff\\u000c tab\\t nl\\n cr\\r del\u007f slash/ e\u00e9"
            + " emoji\ud83c\udfac ls\u2028 nul\\u0000\","
            + "\"prev\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"}";
    private static final String HASH_41 = "49cd4f2a60402193074694f92f53ffd7d5d169509cc3b37fa65c8cdc8a4c053b";

    private static final String CANONICAL_42 = "{\"seq\":42,\"at\":\"2026-03-14T09:27:00Z\",\"actor\":\"system\","
            + "\"action\":\"GRANT_REVOKED\",\"subjectType\":\"consent-grant\",\"subjectId\":\"g-42\",\"performerId\":null,"
            + "\"agency\":null,\"decision\":\"REVOKED\",\"detail\":\"\","
            + "\"prev\":\"49cd4f2a60402193074694f92f53ffd7d5d169509cc3b37fa65c8cdc8a4c053b\"}";
    private static final String HASH_42 = "7cd1ca5e52bd67235004453d2800018c5b4d8b79d05dabf7d86c1364eb645e69";

    private static AuditEntry entry41() {
        AuditRecord r = new AuditRecord("mar\u00eda", "GRANT_RECORDED", "consent-grant", "g-42",
                Optional.of(UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")), Optional.of("Acme \"Voices\" Ltd"),
                "ACTIVE", DETAIL);
        return AuditEntry.chain(41, PREV, r, Instant.parse("2026-03-14T09:26:53.589793238Z"));
    }

    private static AuditEntry entry42(String prev) {
        AuditRecord r = new AuditRecord("system", "GRANT_REVOKED", "consent-grant", "g-42", Optional.empty(),
                Optional.empty(), "REVOKED", "");
        return AuditEntry.chain(42, prev, r, Instant.parse("2026-03-14T09:27:00Z"));
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void canonicalFormOfEveryEscapedCharacterIsPinned() throws Exception {
        AuditEntry e = entry41();
        assertEquals(CANONICAL_41, e.canonicalForm());
        assertEquals(HASH_41, sha256(CANONICAL_41), "the pinned hash is SHA-256 of the pinned text's UTF-8 bytes");
        assertEquals(HASH_41, e.hash());
        assertEquals(HASH_41, e.computeHash());
    }

    @Test
    void absentPerformerAndAgencyAreJsonNull() throws Exception {
        AuditEntry e = entry42(HASH_41);
        assertEquals(CANONICAL_42, e.canonicalForm());
        assertEquals(HASH_42, sha256(CANONICAL_42));
        assertEquals(HASH_42, e.hash());
    }

    @Test
    void aLedgerWrittenBeforeStillVerifies() {
        assertEquals(Optional.empty(), entry41().breakAfter(41, PREV));
        assertEquals(Optional.empty(), entry42(HASH_41).breakAfter(42, HASH_41));
        assertEquals(HASH_41, entry42(HASH_41).prevHash());
    }
}
