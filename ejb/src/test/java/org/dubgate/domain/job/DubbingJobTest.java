package org.dubgate.domain.job;

import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.media.script.Cue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

class DubbingJobTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static Cue cue(String id, double start, double end, String character) {
        return new Cue(id, Duration.ofMillis((long) (start * 1000)), Duration.ofMillis((long) (end * 1000)),
                Optional.of(character), "text", "text", 1);
    }

    private static JobTarget target(String language, JobPlan.Approach annaIs) {
        return new JobTarget(language, "WEBVTT", List.of(cue("1", 1, 2, "ANNA"), cue("2", 2.5, 3, "BO"),
                cue("3", 4, 5, "ANNA")), List.of(new CastLine("ANNA", annaIs, UUID.randomUUID(), null),
                new CastLine("BO", JobPlan.Approach.ORIGINAL, null, null)));
    }

    private static DubbingJob job(JobTarget... targets) {
        return DubbingJob.queued(new DubbingJob.Order(UUID.randomUUID(), "T-1", UUID.randomUUID(), null, null, "ES",
                Purpose.TEMP, 5, 1.25, Optional.of("en"), List.of(targets)), UUID.randomUUID(), Optional.empty(), "manager", NOW);
    }

    @Test
    void theLastLanguageMixedTriggersAssemblyOnceAndOnlyOnce() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC), target("es", JobPlan.Approach.SYNTHETIC));
        job.running(NOW);
        assertFalse(job.languageMixed("en", NOW), "es is not mixed yet");
        assertFalse(job.languageMixed("en", NOW), "a repeated MIX of en changes nothing");
        assertTrue(job.languageMixed("es", NOW), "the last language: assemble now");
        assertFalse(job.languageMixed("es", NOW), "never twice");
        job.readyForReview(NOW);
        assertEquals(JobState.IN_REVIEW, job.state());
    }

    @Test
    void aBlockedJobDoesNotGoToReview() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC));
        job.block("grant revoked", NOW);
        job.readyForReview(NOW);
        assertEquals(JobState.BLOCKED, job.state());
    }

    @Test
    void aLanguageWithNothingToSynthesizeIsDoneFromTheStart() {
        assertFalse(target("en", JobPlan.Approach.SYNTHETIC).synthesisDone());
        assertTrue(target("en", JobPlan.Approach.HUMAN).synthesisDone(), "only HUMAN and ORIGINAL characters");
    }

    @Test
    void cuesByApproachAndTheNextCueOfTheSameCharacter() {
        JobTarget t = target("en", JobPlan.Approach.SYNTHETIC);
        assertEquals(List.of("1", "3"), t.cuesOf(JobPlan.Approach.SYNTHETIC).stream().map(JobCue::cueId).toList());
        assertEquals(List.of("2"), t.cuesOf(JobPlan.Approach.ORIGINAL).stream().map(JobCue::cueId).toList());
        JobCue first = t.cuesOf(JobPlan.Approach.SYNTHETIC).get(0);
        assertEquals(Optional.of(Duration.ofSeconds(4)), t.nextCueStart(first), "ANNA's next cue, not BO's");
        assertEquals(Optional.empty(), t.nextCueStart(t.cuesOf(JobPlan.Approach.SYNTHETIC).get(1)), "her last cue");
    }

    @Test
    void timeFitIsKeptOnTheOutputWithItsOverflowFlag() {
        var fit = org.dubgate.media.timing.TimeFit.plan(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofMillis(1600), 1.25);
        CueOutput o = new CueOutput(UUID.randomUUID(), UUID.randomUUID(), "1", "ab".repeat(32), Duration.ofMillis(1600),
                fit, Duration.ofMillis(40), UUID.randomUUID(), "cd".repeat(32), null, NOW);
        assertEquals(fit, o.timeFit());
        assertEquals(List.of("OVERFLOW"), o.flags());
        assertEquals(1.6, o.timeFit().overflow().orElseThrow(), 1e-9);
    }
}
