package org.dubgate.domain.model;

import org.dubgate.domain.approval.Escalation;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class AiModelTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    private static AiModel model(String licence, String training, boolean licensed, boolean stores, boolean trains,
                                 ExecutionSite site) {
        return AiModel.register(new AiModel.Declaration("m", ModelKind.VOICE, "engine", "1", "/opt/m", licence, training,
                licensed, stores, trains, site), "c".repeat(64), "admin", T0);
    }

    @Test
    void cleanModelIsApproved() {
        AiModel m = model("MIT", "CMU ARCTIC recordings, BSD licence", true, false, false, ExecutionSite.ON_PREMISES);
        m.approve("root", "checked", Optional.empty(), T0);
        assertEquals(ModelStatus.APPROVED, m.status());
        assertThrows(RuleViolationException.class, () -> m.approve("root", "again", Optional.empty(), T0));
    }

    @Test
    void refusalNamesEveryProblem() {
        AiModel m = model("unknown", "scraped podcasts", false, true, true, ExecutionSite.VENDOR_CLOUD);
        assertEquals(List.of("the licence is unknown", "the training data is not licensed", "it stores inputs",
                "it trains on inputs", "it runs outside the enterprise (VENDOR_CLOUD)"), m.dataTermProblems());
        RuleViolationException e = assertThrows(RuleViolationException.class,
                () -> m.approve("root", null, Optional.empty(), T0));
        assertTrue(e.getMessage().contains("the licence is unknown; the training data is not licensed"), e.getMessage());
        assertEquals(ModelStatus.PENDING, m.status());
    }

    @Test
    void writtenApprovalOverridesOnlyForThisModel() {
        AiModel m = model("commercial", "licensed studio data", true, false, false, ExecutionSite.VENDOR_CLOUD);
        WrittenApproval other = WrittenApproval.record(Escalation.MODEL_DATA_TERMS, "some-other-model", "T1", null,
                "Approved for a different model by legal.", T0.plusSeconds(3600), "root", T0);
        assertThrows(RuleViolationException.class, () -> m.approve("root", null, Optional.of(other), T0));
        WrittenApproval ours = WrittenApproval.record(Escalation.MODEL_DATA_TERMS, m.id().toString(), "T1", null,
                "Legal accepts the vendor's enterprise agreement.", T0.plusSeconds(3600), "root", T0);
        m.approve("root", "override", Optional.of(ours), T0);
        assertEquals(ModelStatus.APPROVED, m.status());
        assertEquals(Optional.of(ours.id()), m.overrideApprovalId());
    }

    @Test
    void revokedIsFinal() {
        AiModel m = model("MIT", "CMU ARCTIC", true, false, false, ExecutionSite.ENTERPRISE_SECURED);
        m.revoke("root", "hash changed upstream", T0);
        assertTrue(m.status().isTerminal());
        assertThrows(RuleViolationException.class, () -> m.approve("root", null, Optional.empty(), T0));
    }
}
