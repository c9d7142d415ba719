package org.dubgate.domain.review;

import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class ReviewItemTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static ReviewItem mixCheck() {
        QaCheck c = new QaCheck(UUID.randomUUID(), UUID.randomUUID(), "es", new QaCheck.Finding(
                QaCheck.Kind.values()[0], Optional.empty(), Optional.empty(), OptionalDouble.of(-20.1), "LUFS",
                Optional.of("-27 +-2"), QaCheck.Verdict.FLAGGED, Optional.empty()), NOW);
        return ReviewItem.failedCheck(0, c, NOW);
    }

    private static ReviewItem.Decision decision(Verdict v, String note, JobCue.Revision r) {
        return new ReviewItem.Decision(v, Optional.ofNullable(note), r);
    }

    @Test
    void aRejectionOrRerenderNeedsANoteAndARerenderSomethingToChange() {
        ReviewItem item = mixCheck();
        InvalidInputException noNote = assertThrows(InvalidInputException.class, () -> item.decide(decision(
                Verdict.REJECTED, "  ", JobCue.Revision.NONE), "qa", NOW));
        assertEquals("note", noNote.errors().get(0).field());
        InvalidInputException notALine = assertThrows(InvalidInputException.class, () -> item.decide(decision(
                Verdict.RERENDER, "louder", new JobCue.Revision(Optional.of("x"), Optional.empty(), Optional.empty(),
                        Optional.empty())), "qa", NOW));
        assertTrue(notALine.getMessage().contains("LINE") || notALine.errors().get(0).message().contains("LINE"));
        InvalidInputException editsWithApproval = assertThrows(InvalidInputException.class, () -> item.decide(
                decision(Verdict.APPROVED, null, new JobCue.Revision(Optional.empty(), Optional.of(90),
                        Optional.empty(), Optional.empty())), "qa", NOW));
        assertEquals("verdict", editsWithApproval.errors().get(0).field());
        assertEquals(ReviewState.OPEN, item.state(), "a refused verdict changes nothing");

        item.decide(decision(Verdict.REJECTED, "the bed is far too loud", JobCue.Revision.NONE), "qa", NOW);
        assertEquals(ReviewState.REJECTED, item.state());
        assertEquals(Optional.of("qa"), item.reviewer());
        assertThrows(RuleViolationException.class, () -> item.decide(decision(Verdict.APPROVED, null,
                JobCue.Revision.NONE), "qa", NOW), "a second verdict on a decided item");
        item.supersede();
        assertFalse(item.current());
    }
}
