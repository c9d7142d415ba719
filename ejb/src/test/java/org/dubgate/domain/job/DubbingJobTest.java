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
                Purpose.TEMP, 5, 1.25, Optional.of("en"), DeliveryProfile.STREAMING.spec(), List.of(targets)), UUID.randomUUID(), Optional.empty(), "manager", NOW);
    }

    private static DubbingJob withPriority(int priority) {
        return DubbingJob.queued(new DubbingJob.Order(UUID.randomUUID(), "T-1", UUID.randomUUID(), null, null, "ES",
                Purpose.TEMP, priority, 1.25, Optional.of("en"), DeliveryProfile.STREAMING.spec(),
                List.of(target("es", JobPlan.Approach.SYNTHETIC))), UUID.randomUUID(), Optional.empty(), "manager", NOW);
    }

    @Test
    void theQueueServesUrgentJobsFirst() {
        assertEquals(0, withPriority(1).queuePriority());
        assertEquals(4, withPriority(5).queuePriority(), "the default priority is JMS's default");
        assertEquals(9, withPriority(10).queuePriority());
    }

    private static final Worker NODE_A = new Worker("node-a", "boot1");

    /** Runs a task to the end it should have, as a worker would. */
    private static JobTask ran(JobTask t, TaskState end) {
        assertTrue(t.begin(NODE_A, NOW, Duration.ofSeconds(30)));
        switch (end) {
            case SUCCEEDED -> t.succeed(NOW);
            case FAILED -> t.failAfterRetries(Optional.of("engine failed"), NOW);
            default -> throw new IllegalArgumentException(end.name());
        }
        return t;
    }

    private static List<TaskSummary> summaries(List<JobTask> tasks) {
        return tasks.stream().map(TaskSummary::of).toList();
    }

    private static List<String> kinds(List<JobTask> tasks) {
        return tasks.stream().map(t -> t.kind() + t.language().map(l -> "/" + l).orElse("")).toList();
    }

    @Test
    void eachStageIsDueOnceWhenEverythingFeedingItSucceededAndThenTheJobGoesToReview() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC), target("es", JobPlan.Approach.SYNTHETIC));
        List<JobTask> tasks = new java.util.ArrayList<>(job.plannedTasks(1, NOW));
        assertEquals(List.of("SYNTHESIZE/en", "SYNTHESIZE/en", "SYNTHESIZE/es", "SYNTHESIZE/es"), kinds(tasks),
                "one task per batch of ANNA's two cues; BO stays original");
        job.running(NOW);

        ran(tasks.get(0), TaskState.SUCCEEDED);
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW), "en still has a synthesis task open");
        ran(tasks.get(1), TaskState.SUCCEEDED);
        List<JobTask> due = job.tasksDue(summaries(tasks), NOW);
        assertEquals(List.of("MIX/en"), kinds(due), "en is fed; es is not, and nothing is job-wide yet");
        tasks.addAll(due);
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW), "a second look (a second worker) adds nothing");

        ran(tasks.get(2), TaskState.SUCCEEDED);
        ran(tasks.get(3), TaskState.SUCCEEDED);
        due = job.tasksDue(summaries(tasks), NOW);
        assertEquals(List.of("MIX/es"), kinds(due));
        tasks.addAll(due);
        ran(tasks.get(4), TaskState.SUCCEEDED);
        due = job.tasksDue(summaries(tasks), NOW);
        assertEquals(List.of("CHECK/en"), kinds(due), "en mixed: its CHECK; es is still mixing");
        tasks.addAll(due);
        ran(tasks.get(5), TaskState.SUCCEEDED);
        due = job.tasksDue(summaries(tasks), NOW);
        assertEquals(List.of("CHECK/es"), kinds(due));
        tasks.addAll(due);
        ran(tasks.get(6), TaskState.SUCCEEDED);
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW), "en is checked, es still checking: no ASSEMBLE");
        ran(tasks.get(7), TaskState.SUCCEEDED);
        due = job.tasksDue(summaries(tasks), NOW);
        assertEquals(List.of("ASSEMBLE"), kinds(due), "every language mixed and checked: the job-wide stage, once");
        tasks.addAll(due);
        assertEquals(JobState.RUNNING, job.state());
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW));
        ran(tasks.get(8), TaskState.SUCCEEDED);
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW));
        assertEquals(JobState.IN_REVIEW, job.state(), "nothing open, nothing due: ready for QA review");
    }

    @Test
    void aLanguageWithNothingToSynthesizeIsMixedFromTheStart() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC), target("fr", JobPlan.Approach.HUMAN));
        assertEquals(List.of("SYNTHESIZE/en", "MIX/fr"), kinds(job.plannedTasks(50, NOW)));
    }

    @Test
    void aFailedTaskFeedsNothingAndABlockedJobNeverGoesToReview() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC));
        List<JobTask> tasks = job.plannedTasks(50, NOW);
        ran(tasks.get(0), TaskState.FAILED);
        assertEquals(List.of(), job.tasksDue(summaries(tasks), NOW), "a failed synthesis does not feed MIX");

        DubbingJob blocked = job(target("en", JobPlan.Approach.HUMAN));
        List<JobTask> mix = blocked.plannedTasks(50, NOW);
        ran(mix.get(0), TaskState.SUCCEEDED);
        blocked.block("grant revoked", NOW);
        assertEquals(List.of(), blocked.tasksDue(summaries(mix), NOW));
        assertEquals(JobState.BLOCKED, blocked.state());
    }

    @Test
    void aLeaseKeepsOtherWorkersOutUntilItRunsOutOrItsNodeStartsAgain() {
        JobTask t = job(target("en", JobPlan.Approach.SYNTHETIC)).plannedTasks(50, NOW).get(0);
        Duration lease = Duration.ofSeconds(30);
        assertTrue(t.begin(NODE_A, NOW, lease));
        Worker nodeB = new Worker("node-b", "boot7");
        assertFalse(t.begin(nodeB, NOW.plusSeconds(10), lease), "a duplicate message while node A works");
        assertFalse(t.begin(NODE_A, NOW.plusSeconds(10), lease), "a second thread of node A too");
        assertEquals(Optional.empty(), t.orphaned(nodeB, NOW.plusSeconds(10)));
        assertTrue(t.orphaned(nodeB, NOW.plusSeconds(31)).orElseThrow().contains("lease of node-a/boot1 ran out"));
        Worker nodeARestarted = new Worker("node-a", "boot2");
        String gone = t.orphaned(nodeARestarted, NOW.plusSeconds(10)).orElseThrow();
        assertTrue(gone.contains("started again"), "node A started again: its earlier start is dead: " + gone);

        t.leaseLapsed(gone, NOW.plusSeconds(10));
        assertEquals(TaskState.PENDING, t.state());
        assertTrue(t.lastError().orElseThrow().contains("node-a/boot1"), t.lastError().orElseThrow());
        assertTrue(t.begin(nodeARestarted, NOW.plusSeconds(11), lease));
        assertEquals(2, t.attempts());
        assertEquals(Optional.of("node-a/boot2"), t.worker());

        t.attemptFailed("flite exited 1", NOW.plusSeconds(12));
        assertEquals(TaskState.PENDING, t.state(), "waits for the queue's redelivery, not for the sweeper");
        assertEquals(Optional.empty(), t.orphaned(nodeB, NOW.plusSeconds(100)));
        t.failedToStart("content missing", NOW.plusSeconds(13));
        assertEquals(3, t.attempts(), "a start that rolled back still counts");
        t.failAfterRetries(Optional.empty(), NOW.plusSeconds(14));
        assertEquals(TaskState.FAILED, t.state());
        assertEquals(Optional.of("content missing"), t.lastError(), "the real cause is kept");
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
                fit, Duration.ofMillis(40), UUID.randomUUID(), "cd".repeat(32), null, new CueOutput.Made(0, "text", "ef".repeat(32)),
                NOW);
        assertEquals(fit, o.timeFit());
        assertEquals(List.of("OVERFLOW"), o.flags());
        assertEquals(1.6, o.timeFit().overflow().orElseThrow(), 1e-9);
    }

    /** Runs every task due until none is, each succeeding; returns every task made. */
    private static List<JobTask> runToReview(DubbingJob job, List<JobTask> tasks) {
        return runToReview(job, List.of(), tasks);
    }

    /** As above, with tasks of earlier rounds that ended already. */
    private static List<JobTask> runToReview(DubbingJob job, List<JobTask> ended, List<JobTask> tasks) {
        List<JobTask> all = new java.util.ArrayList<>(ended);
        all.addAll(tasks);
        List<JobTask> open = new java.util.ArrayList<>(tasks);
        while (!open.isEmpty()) {
            JobTask t = open.remove(0);
            ran(t, TaskState.SUCCEEDED);
            List<JobTask> due = job.tasksDue(summaries(all), NOW);
            all.addAll(due);
            open.addAll(due);
        }
        return all;
    }

    @Test
    void aRerenderIsANewRoundOfOnlyItsCuesItsLanguagesMixAndCheckAndOneAssemble() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC), target("es", JobPlan.Approach.SYNTHETIC));
        List<JobTask> first = runToReview(job, job.plannedTasks(10, NOW));
        assertEquals(JobState.IN_REVIEW, job.state());
        assertThrows(org.dubgate.domain.shared.RuleViolationException.class, () -> job.rerender(List.of(
                new DubbingJob.Rerender("es", "2", JobCue.Revision.NONE)), NOW), "BO is ORIGINAL: nothing to render");

        List<JobTask> again = job.rerender(List.of(new DubbingJob.Rerender("es", "3", new JobCue.Revision(
                Optional.of("otro texto"), Optional.of(120), Optional.empty(), Optional.of(1.1)))), NOW);
        assertEquals(1, job.round());
        assertEquals(JobState.RUNNING, job.state());
        assertEquals(List.of("SYNTHESIZE/es"), kinds(again));
        assertEquals(List.of("3"), again.get(0).cueIds());
        assertEquals(1, again.get(0).round());
        JobCue edited = job.target("es").orElseThrow().cue("3").orElseThrow();
        assertEquals("otro texto", edited.text());
        assertEquals(Optional.of("text"), edited.originalText(), "the script's text is kept beside the edit");
        assertEquals(Optional.of(120), edited.ratePercent());

        List<JobTask> second = runToReview(job, first, again);
        List<JobTask> made = second.subList(first.size() + again.size(), second.size());
        assertEquals(List.of("MIX/es", "CHECK/es", "ASSEMBLE"), kinds(made), "only Spanish is mixed and checked again");
        made.forEach(t -> assertEquals(1, t.round()));
        assertEquals(JobState.IN_REVIEW, job.state());
    }

    private static JobTarget lipSynced(String language) {
        return lipSynced(language, 4.5);
    }

    /** ANNA lip-synced, with BO's line starting at {@code boAt}. */
    private static JobTarget lipSynced(String language, double boAt) {
        return new JobTarget(language, "WEBVTT", List.of(cue("1", 1, 2, "ANNA"), cue("2", boAt, boAt + 0.5, "BO"),
                cue("3", 2.8, 4, "ANNA"), cue("4", 6, 7, "ANNA")), List.of(new CastLine("ANNA", JobPlan.Approach.SYNTHETIC,
                UUID.randomUUID(), null, Optional.of(new JobPlan.LipSync(UUID.randomUUID(), UUID.randomUUID()))),
                new CastLine("BO", JobPlan.Approach.ORIGINAL, null, null)));
    }

    @Test
    void aLipSyncedLanguageIsLipSyncedOnceMixedAndCheckedAndBeforeTheAssembleOthersAreNot() {
        DubbingJob job = job(lipSynced("es"), target("en", JobPlan.Approach.SYNTHETIC));
        List<JobTask> all = runToReview(job, job.plannedTasks(10, NOW));
        List<String> kinds = kinds(all);
        assertEquals(1, kinds.stream().filter(k -> k.startsWith("LIP_SYNC")).count(), kinds.toString());
        assertTrue(kinds.contains("LIP_SYNC/es"), "only the language whose cast re-draws a mouth: " + kinds);
        assertTrue(kinds.indexOf("CHECK/es") < kinds.indexOf("LIP_SYNC/es"), "lip-synced to the checked mix: " + kinds);
        assertEquals("ASSEMBLE", kinds.get(kinds.size() - 1), kinds.toString());
        assertEquals(JobState.IN_REVIEW, job.state());

        // a re-render of a Spanish line alters the Spanish picture again, to the new mix; English is left alone
        List<JobTask> again = job.rerender(List.of(new DubbingJob.Rerender("es", "1", new JobCue.Revision(
                Optional.of("otra vez"), Optional.empty(), Optional.empty(), Optional.empty()))), NOW);
        List<JobTask> second = runToReview(job, all, again);
        assertEquals(List.of("SYNTHESIZE/es", "MIX/es", "CHECK/es", "LIP_SYNC/es", "ASSEMBLE"),
                kinds(second.subList(all.size(), second.size())));
    }

    @Test
    void aCharactersShotsAreItsCueSpansThoseUnderASecondApartJoined() {
        JobTarget es = lipSynced("es");
        assertEquals(List.of(new Shot(Duration.ofSeconds(1), Duration.ofSeconds(4)),
                new Shot(Duration.ofSeconds(6), Duration.ofSeconds(7))), es.shotsOf("ANNA"),
                "cue 3 starts 0.8 s after cue 1 ends: one shot; cue 4 two seconds later: another");
        assertEquals(List.of(new Shot(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new Shot(Duration.ofMillis(2800), Duration.ofSeconds(4)), new Shot(Duration.ofSeconds(6),
                        Duration.ofSeconds(7))), lipSynced("es", 2.2).shotsOf("ANNA"),
                "BO speaks in the gap: ANNA's mouth is not moved to his line");
        assertEquals(List.of("ANNA"), es.lipSyncedCast().stream().map(CastLine::character).toList());
        assertTrue(target("en", JobPlan.Approach.SYNTHETIC).lipSyncedCast().isEmpty());
    }

    @Test
    void approvalAndDeliveryFollowReviewOnly() {
        DubbingJob job = job(target("en", JobPlan.Approach.SYNTHETIC));
        assertThrows(org.dubgate.domain.shared.RuleViolationException.class, () -> job.approve(NOW));
        runToReview(job, job.plannedTasks(10, NOW));
        assertThrows(org.dubgate.domain.shared.RuleViolationException.class, () -> job.delivered(NOW));
        job.approve(NOW);
        assertEquals(JobState.APPROVED, job.state());
        job.delivered(NOW);
        assertEquals(JobState.DELIVERED, job.state());
    }
}
