package org.dubgate.domain.consent;

import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ConsentRecordingTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");
    private static final String GOOD = "Synthesize French dialogue in the performer's voice for the temporary "
            + "dub of Northwind episode three, for internal review screenings only.";

    private static Performer living() {
        return Performer.register("Acme", new Performer.Details("Anna Berg", "Anna B.", false, null), T0);
    }

    private static EvidenceDocument evidence(String agency) {
        return EvidenceDocument.stored(agency, EvidenceDocument.Kind.PDF, "f".repeat(64), 10, "form.pdf", "omar", T0);
    }

    private static ConsentGrant.Terms terms(List<String> titles, List<String> languages, List<String> territories,
                                            String description, String signedBy) {
        return new ConsentGrant.Terms(List.of("VOICE_SYNTHESIS"), titles, languages, territories, List.of("TEMP"),
                T0, T0.plusSeconds(86400), description, "CONTRACT-1", signedBy);
    }

    @Test
    void languageTagsAreValidatedAndCanonical() {
        assertEquals(Optional.of(new LanguageTag("es-419")), LanguageTag.parse("ES-419"));
        assertEquals(Optional.of(new LanguageTag("zh-Hant-TW")), LanguageTag.parse("zh-hant-tw"));
        assertEquals("pt-BR", LanguageTag.parse("pt-br").orElseThrow().value());
        assertTrue(LanguageTag.parse("xx").isEmpty(), "unknown language");
        assertTrue(LanguageTag.parse("es-ZZ").isEmpty(), "unknown region");
        assertTrue(LanguageTag.parse("english").isEmpty());
        assertTrue(LanguageTag.parse("es_ES").isEmpty());
        assertTrue(LanguageTag.parse("").isEmpty());
    }

    @Test
    void territoriesAndTitles() {
        assertEquals("MX", Territory.parse("mx").orElseThrow().code());
        assertEquals("WORLDWIDE", Territory.parse("worldwide").orElseThrow().code());
        assertTrue(Territory.parse("EU").isEmpty());
        assertTrue(Territory.parse("Spain").isEmpty());
        assertTrue(TitleCode.parse("NORTHWIND-S01E03").isPresent());
        for (String wildcard : List.of("*", "NORTHWIND-*", "ALL", "any", "%", "NORTH WIND")) {
            assertTrue(TitleCode.parse(wildcard).isEmpty(), wildcard);
        }
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConsentGrant.record(living(),
                terms(List.of("NORTHWIND-*"), List.of("fr", "klingon"), List.of("Mars"), "voice ok", null),
                evidence("Acme"), "omar", T0));
        assertEquals(List.of("titles[0]", "languages[1]", "territories[0]", "description"),
                e.errors().stream().map(InvalidInputException.FieldError::field).toList());
    }

    @Test
    void vagueDescriptionsAreRefused() {
        assertTrue(ConsentGrant.descriptionProblem(null).isPresent());
        assertTrue(ConsentGrant.descriptionProblem("AI voice consent").isPresent());
        assertTrue(ConsentGrant.descriptionProblem("test test test test test test test test test test test").isPresent());
        assertTrue(ConsentGrant.descriptionProblem("voice dubbing ai use consent all any general voice dubbing").isPresent());
        assertTrue(ConsentGrant.descriptionProblem(GOOD).isEmpty());
    }

    @Test
    void estateSignsForTheDeceasedAndLivingPerformersForThemselves() {
        Performer late = Performer.register("Acme", new Performer.Details("Greta Holm", null, true, "Holm Estate"), T0);
        InvalidInputException wrongSigner = assertThrows(InvalidInputException.class, () -> ConsentGrant.record(late,
                terms(List.of("T1"), List.of("fr"), List.of("FR"), GOOD, "Greta Holm"), evidence("Acme"), "omar", T0));
        assertEquals("signedBy", wrongSigner.errors().get(0).field());
        ConsentGrant estate = ConsentGrant.record(late, terms(List.of("T1"), List.of("fr"), List.of("FR"), GOOD,
                "Holm Estate"), evidence("Acme"), "omar", T0);
        assertTrue(estate.estateGrant());

        ConsentGrant own = ConsentGrant.record(living(), terms(List.of("T1"), List.of("fr"), List.of("FR"), GOOD, null),
                evidence("Acme"), "omar", T0);
        assertEquals("Anna Berg", own.signedBy());
        assertFalse(own.estateGrant());
    }

    @Test
    void evidenceMustBelongToThePerformersAgency() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConsentGrant.record(living(),
                terms(List.of("T1"), List.of("fr"), List.of("FR"), GOOD, null), evidence("Other Agency"), "omar", T0));
        assertEquals("evidenceId", e.errors().get(0).field());
    }

    @Test
    void revocationIsImmediateAndOnce() {
        ConsentGrant g = ConsentGrant.record(living(), terms(List.of("T1"), List.of("fr"), List.of("FR"), GOOD, null),
                evidence("Acme"), "omar", T0);
        assertEquals(ConsentGrant.Standing.ACTIVE, g.standingAt(T0.plusSeconds(10)));
        assertThrows(InvalidInputException.class, () -> g.revoke("omar", " ", T0.plusSeconds(5)));
        g.revoke("omar", "performer withdrew consent", T0.plusSeconds(5));
        assertEquals(ConsentGrant.Standing.REVOKED, g.standingAt(T0.plusSeconds(10)));
        assertThrows(RuleViolationException.class, () -> g.revoke("omar", "again", T0.plusSeconds(6)));
    }

    @Test
    void evidenceIsRecognisedByItsBytes() {
        assertEquals(Optional.of(EvidenceDocument.Kind.PDF), EvidenceDocument.Kind.sniff("%PDF-1.7\n".getBytes()));
        assertEquals(Optional.of(EvidenceDocument.Kind.PNG), EvidenceDocument.Kind.sniff(
                new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}));
        assertEquals(Optional.of(EvidenceDocument.Kind.JPEG), EvidenceDocument.Kind.sniff(
                new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}));
        assertEquals(Optional.empty(), EvidenceDocument.Kind.sniff("<html>form.pdf</html>".getBytes()));
        assertEquals(Optional.empty(), EvidenceDocument.Kind.sniff(new byte[0]));
    }
}
