package org.dubgate.domain.gate;

import org.dubgate.domain.approval.Escalation;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ExecutionSite;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.performer.Performer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.dubgate.domain.gate.GateFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** One case per rule and per reason of the gate (DESIGN.md § Rules, R1–R5). */
class ConsentGateTest {

    private final ConsentGate gate = new ConsentGate();
    private final GateFixtures f = new GateFixtures();

    private GateDecision decide(JobPlan plan) {
        return gate.evaluate(plan, f.facts());
    }

    private static List<String> codes(GateDecision d) {
        return d.violations().stream().map(GateDecision.Violation::code).toList();
    }

    @Test
    void coveringGrantAllowsAndIsNamed() {
        Performer anna = f.performer("Anna Berg");
        ConsentGrant grant = f.voiceGrant(anna);
        GateDecision d = decide(plan("es-ES", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertTrue(d.allowed(), d.violations().toString());
        assertEquals(grant.id(), d.uses().get(0).grantId());
        assertEquals(List.of("ANNA"), d.uses().get(0).characters());
        assertTrue(d.models().get(0).usable());
    }

    @Test
    void noGrantAtAll() {
        Performer anna = f.performer("Anna Berg");
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertFalse(d.allowed());
        assertEquals(List.of("NO_GRANT"), codes(d));
        GateDecision.Violation v = d.violations().get(0);
        assertEquals(anna.id(), v.performerId());
        assertEquals("VOICE_SYNTHESIS", v.use());
        assertEquals("es", v.language());
        assertEquals("ES", v.territory());
        assertEquals("TEMP", v.purpose());
    }

    @Test
    void anotherPerformersGrantDoesNotCount() {
        Performer anna = f.performer("Anna Berg");
        Performer bo = f.performer("Bo Lind");
        f.voiceGrant(bo);
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("NO_GRANT"), codes(d));
    }

    @Test
    void grantForAnotherUseDoesNotCount() {
        Performer anna = f.performer("Anna Berg");
        f.voiceGrant(anna);
        GateDecision d = decide(plan("es", Purpose.TEMP, lipSynced("ANNA", anna, f.model(ModelKind.LIP_SYNC, true))));
        assertEquals(List.of("NO_GRANT"), codes(d));
        assertEquals("LIP_SYNC", d.violations().get(0).use());
    }

    @Test
    void revokedGrant() {
        Performer anna = f.performer("Anna Berg");
        f.voiceGrant(anna).revoke("omar", "performer withdrew consent by letter", NOW.minusSeconds(1));
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("REVOKED"), codes(d));
    }

    @Test
    void validityWindowIsFromInclusiveUntilExclusive() {
        Performer anna = f.performer("Anna Berg");
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.voiceGrant(anna);
        Instant microBefore = FROM.minus(1, ChronoUnit.MICROS);
        assertEquals(List.of("NOT_YET_VALID"), codes(decide(planAt(microBefore, "ES", "es", Purpose.TEMP, synthetic("A", anna, voice)))));
        assertTrue(decide(planAt(FROM, "ES", "es", Purpose.TEMP, synthetic("A", anna, voice))).allowed());
        assertTrue(decide(planAt(UNTIL.minus(1, ChronoUnit.MICROS), "ES", "es", Purpose.TEMP, synthetic("A", anna, voice))).allowed());
        assertEquals(List.of("EXPIRED"), codes(decide(planAt(UNTIL, "ES", "es", Purpose.TEMP, synthetic("A", anna, voice)))));
    }

    @Test
    void titleMustBeNamed() {
        Performer anna = f.performer("Anna Berg");
        f.grant(anna, terms("VOICE_SYNTHESIS", "NORTHWIND-S01E04", "es", "WORLDWIDE", "TEMP", FROM, UNTIL));
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("WRONG_TITLE"), codes(d));
    }

    @Test
    void languageMatchingFollowsBasicFiltering() {
        Performer broad = f.performer("Anna Berg");
        Performer regional = f.performer("Bo Lind");
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.grant(broad, terms("VOICE_SYNTHESIS", TITLE, "es", "WORLDWIDE", "TEMP", FROM, UNTIL));
        f.grant(regional, terms("VOICE_SYNTHESIS", TITLE, "es-419", "WORLDWIDE", "TEMP", FROM, UNTIL));

        for (String requested : List.of("es", "es-419", "es-ES")) {
            assertTrue(decide(plan(requested, Purpose.TEMP, synthetic("A", broad, voice))).allowed(), "es covers " + requested);
        }
        assertTrue(decide(plan("es-419", Purpose.TEMP, synthetic("B", regional, voice))).allowed());
        assertEquals(List.of("WRONG_LANGUAGE"), codes(decide(plan("es", Purpose.TEMP, synthetic("B", regional, voice)))),
                "es-419 does not cover plain es");
        assertEquals(List.of("WRONG_LANGUAGE"), codes(decide(plan("es-ES", Purpose.TEMP, synthetic("B", regional, voice)))),
                "es-419 does not cover es-ES");
        assertEquals(List.of("WRONG_LANGUAGE"), codes(decide(plan("fr", Purpose.TEMP, synthetic("A", broad, voice)))));
    }

    @Test
    void territoryMustBeCoveredAndWorldwideCoversAll() {
        Performer anna = f.performer("Anna Berg");
        Performer bo = f.performer("Bo Lind");
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.grant(anna, terms("VOICE_SYNTHESIS", TITLE, "es", "ES", "TEMP", FROM, UNTIL));
        f.voiceGrant(bo);
        assertTrue(decide(planAt(NOW, "ES", "es", Purpose.TEMP, synthetic("A", anna, voice))).allowed());
        assertEquals(List.of("WRONG_TERRITORY"), codes(decide(planAt(NOW, "MX", "es", Purpose.TEMP, synthetic("A", anna, voice)))));
        assertTrue(decide(planAt(NOW, "MX", "es", Purpose.TEMP, synthetic("B", bo, voice))).allowed());
    }

    @Test
    void purposeMustBeCovered() {
        Performer anna = f.performer("Anna Berg");
        f.voiceGrant(anna);
        f.approval(Escalation.FINAL_PURPOSE, null);
        GateDecision d = decide(plan("es", Purpose.FINAL, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("WRONG_PURPOSE"), codes(d));
    }

    @Test
    void finalPurposeNeedsWrittenApproval() {
        Performer anna = f.performer("Anna Berg");
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.grant(anna, terms("VOICE_SYNTHESIS", TITLE, "es", "WORLDWIDE", "FINAL", FROM, UNTIL));
        GateDecision blocked = decide(plan("es", Purpose.FINAL, synthetic("ANNA", anna, voice)));
        assertEquals(List.of("APPROVAL_MISSING"), codes(blocked));
        assertEquals("FINAL_PURPOSE", blocked.escalations().get(0).escalation());

        WrittenApproval approval = f.approval(Escalation.FINAL_PURPOSE, null);
        GateDecision allowed = decide(plan("es", Purpose.FINAL, synthetic("ANNA", anna, voice)));
        assertTrue(allowed.allowed(), allowed.violations().toString());
        assertEquals(approval.id(), allowed.escalations().get(0).approvalId());
    }

    @Test
    void estateGrantNeedsWrittenApproval() {
        Performer late = f.deceased("Greta Holm", "Holm Estate Trustee");
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.grant(late, new ConsentGrant.Terms(List.of("VOICE_SYNTHESIS"), List.of(TITLE), List.of("es"),
                List.of("WORLDWIDE"), List.of("TEMP"), FROM, UNTIL, DESCRIPTION, "ESTATE-7", "Holm Estate Trustee"));
        GateDecision blocked = decide(plan("es", Purpose.TEMP, synthetic("GRETA", late, voice)));
        assertTrue(blocked.uses().get(0).covered(), "the grant itself covers the use");
        assertEquals(List.of("APPROVAL_MISSING"), codes(blocked));
        assertEquals("ESTATE_GRANT", blocked.escalations().get(0).escalation());

        f.approval(Escalation.ESTATE_GRANT, UUID.randomUUID().toString());
        assertFalse(decide(plan("es", Purpose.TEMP, synthetic("GRETA", late, voice))).allowed(),
                "an approval for another performer clears nothing");
        f.approval(Escalation.ESTATE_GRANT, late.id().toString());
        assertTrue(decide(plan("es", Purpose.TEMP, synthetic("GRETA", late, voice))).allowed());
    }

    @Test
    void stockVoiceNeedsWrittenApproval() {
        AiModel voice = f.model(ModelKind.VOICE, true);
        GateDecision blocked = decide(plan("es", Purpose.TEMP, synthetic("NARRATOR", null, voice)));
        assertEquals(List.of("APPROVAL_MISSING"), codes(blocked));
        assertEquals("STOCK_VOICE", blocked.escalations().get(0).escalation());
        assertEquals("NARRATOR", blocked.escalations().get(0).subject());
        f.approval(Escalation.STOCK_VOICE, "NARRATOR");
        assertTrue(decide(plan("es", Purpose.TEMP, synthetic("NARRATOR", null, voice))).allowed());
    }

    @Test
    void approvalsOnlyClearTheirScopeAndTime() {
        AiModel voice = f.model(ModelKind.VOICE, true);
        f.approvals.add(WrittenApproval.record(Escalation.STOCK_VOICE, "NARRATOR", "OTHER-TITLE", null,
                "Approved for another production entirely, not this one.", UNTIL, "root", FROM));
        WrittenApproval revoked = f.approval(Escalation.STOCK_VOICE, "NARRATOR");
        revoked.revoke("legal withdrew it", FROM.plusSeconds(60));
        assertFalse(decide(plan("es", Purpose.TEMP, synthetic("NARRATOR", null, voice))).allowed());

        UUID jobId = UUID.randomUUID();
        f.approvals.add(WrittenApproval.record(Escalation.STOCK_VOICE, "NARRATOR", null, jobId,
                "Approved for this one job after a listening session.", UNTIL, "root", FROM));
        JobPlan plain = plan("es", Purpose.TEMP, synthetic("NARRATOR", null, voice));
        JobPlan forJob = new JobPlan(plain.title(), plain.territory(), plain.purpose(), plain.at(), Optional.of(jobId), plain.targets());
        assertFalse(decide(plain).allowed(), "a job-scoped approval does not clear a plan without that job");
        assertTrue(decide(forJob).allowed());
        assertFalse(decide(new JobPlan(plain.title(), plain.territory(), plain.purpose(), UNTIL, Optional.of(jobId),
                plain.targets())).allowed(), "expired at validUntil");
    }

    @Test
    void modelsMustBeApprovedOfTheRightKindAndUnaltered() {
        Performer anna = f.performer("Anna Berg");
        f.voiceGrant(anna);
        AiModel pending = f.model(ModelKind.VOICE, false);
        assertEquals(List.of("MODEL_NOT_APPROVED"), codes(decide(plan("es", Purpose.TEMP, synthetic("A", anna, pending)))));

        AiModel lipSync = f.model(ModelKind.LIP_SYNC, true);
        assertEquals(List.of("MODEL_WRONG_KIND"), codes(decide(plan("es", Purpose.TEMP, synthetic("A", anna, lipSync)))));

        AiModel tampered = f.model(ModelKind.VOICE, true);
        f.hashes.put(tampered.id(), HashState.MISMATCH);
        assertEquals(List.of("MODEL_HASH_MISMATCH"), codes(decide(plan("es", Purpose.TEMP, synthetic("A", anna, tampered)))));
        f.hashes.put(tampered.id(), HashState.MISSING);
        assertEquals(List.of("MODEL_ARTIFACT_MISSING"), codes(decide(plan("es", Purpose.TEMP, synthetic("A", anna, tampered)))));

        AiModel revoked = f.model(ModelKind.VOICE, true);
        revoked.revoke("admin", "vendor changed its terms", NOW);
        assertEquals(List.of("MODEL_NOT_APPROVED"), codes(decide(plan("es", Purpose.TEMP, synthetic("A", anna, revoked)))));

        UUID unknown = UUID.randomUUID();
        JobPlan.Character ghost = new JobPlan.Character("A", JobPlan.Approach.SYNTHETIC, Optional.of(anna.id()),
                Optional.of(unknown), Optional.empty());
        assertEquals(List.of("MODEL_UNKNOWN"), codes(decide(plan("es", Purpose.TEMP, ghost))));
    }

    @Test
    void modelWithUncleanTermsNeedsWrittenApprovalForTheTitle() {
        Performer anna = f.performer("Anna Berg");
        f.voiceGrant(anna);
        AiModel cloud = AiModel.register(new AiModel.Declaration("cloud tts", ModelKind.VOICE, "vendor", "2",
                "/opt/x", "commercial", "licensed studio recordings", true, false, false, ExecutionSite.VENDOR_CLOUD),
                "b".repeat(64), "admin", FROM);
        WrittenApproval override = WrittenApproval.record(Escalation.MODEL_DATA_TERMS, cloud.id().toString(), TITLE, null,
                "Legal accepts the vendor's enterprise contract for this title.", UNTIL, "root", FROM);
        cloud.approve("admin", "per override", Optional.of(override), FROM);
        f.models.put(cloud.id(), cloud);
        f.hashes.put(cloud.id(), HashState.MATCH);

        GateDecision blocked = decide(plan("es", Purpose.TEMP, synthetic("A", anna, cloud)));
        assertEquals(List.of("APPROVAL_MISSING"), codes(blocked));
        assertFalse(blocked.models().get(0).cleanTerms());
        f.approvals.add(override);
        assertTrue(decide(plan("es", Purpose.TEMP, synthetic("A", anna, cloud))).allowed());
    }

    @Test
    void everyViolationIsReportedAtOnceAndUsesAreNotRepeated() {
        Performer anna = f.performer("Anna Berg");
        Performer bo = f.performer("Bo Lind");
        AiModel voice = f.model(ModelKind.VOICE, true);
        AiModel lips = f.model(ModelKind.LIP_SYNC, false);
        JobPlan plan = new JobPlan(new org.dubgate.domain.consent.TitleCode(TITLE),
                org.dubgate.domain.consent.Territory.parse("ES").orElseThrow(), Purpose.TEMP, NOW, Optional.empty(),
                List.of(new JobPlan.Target(org.dubgate.domain.consent.LanguageTag.parse("es").orElseThrow(), List.of(
                                synthetic("ANNA", anna, voice), synthetic("ANNA-YOUNG", anna, voice), lipSynced("BO", bo, lips))),
                        new JobPlan.Target(org.dubgate.domain.consent.LanguageTag.parse("fr").orElseThrow(), List.of(
                                synthetic("ANNA", anna, voice)))));
        GateDecision d = decide(plan);
        assertEquals(3, d.uses().size(), "anna/es, bo/es lip-sync, anna/fr");
        assertEquals(List.of("ANNA", "ANNA-YOUNG"), d.uses().get(0).characters());
        assertEquals(List.of("NO_GRANT", "NO_GRANT", "NO_GRANT", "MODEL_NOT_APPROVED"), codes(d));
    }

    @Test
    void nearestGrantExplainsTheRefusal() {
        Performer anna = f.performer("Anna Berg");
        f.grant(anna, terms("VOICE_SYNTHESIS", "OTHER", "fr", "WORLDWIDE", "TEMP", FROM, NOW.minusSeconds(5)));
        ConsentGrant close = f.grant(anna, terms("VOICE_SYNTHESIS", TITLE, "fr", "WORLDWIDE", "TEMP", FROM, UNTIL));
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("ANNA", anna, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("WRONG_LANGUAGE"), d.uses().get(0).reasons());
        assertEquals(close.id(), d.uses().get(0).nearestGrantId());
    }

    @Test
    void unknownPerformerIsAViolation() {
        Performer ghost = Performer.register("Acme Talent", new Performer.Details("Nobody", null, false, null), FROM);
        GateDecision d = decide(plan("es", Purpose.TEMP, synthetic("X", ghost, f.model(ModelKind.VOICE, true))));
        assertEquals(List.of("PERFORMER_UNKNOWN"), codes(d));
    }
}
