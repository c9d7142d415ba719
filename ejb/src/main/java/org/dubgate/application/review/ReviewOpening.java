package org.dubgate.application.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobReadyForReview;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.review.ReviewState;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opens a round's review items in the transaction that put the job IN_REVIEW: one per line the round
 * made (every synthesized line, by policy — in a re-render round only the lines made again), one per
 * shot the round lip-synced (every one), and one per check of a mix the round made that automatic QA
 * flagged. What a re-render replaced stops
 * counting: the items that asked for it, and the checks of the languages mixed again.
 */
@ApplicationScoped
public class ReviewOpening {

    @Inject
    JobRepository jobs;
    @Inject
    ReviewItemRepository items;
    @Inject
    AlteredShotRepository shots;
    @Inject
    ReviewSettlement settlement;

    void open(@Observes JobReadyForReview ready) {
        open(ready.job(), ready.at());
    }

    /** Opens the items of the job's current round; the caller holds the job's lock. */
    public void open(DubbingJob job, java.time.Instant at) {
        JobReadyForReview ready = new JobReadyForReview(job, at);
        int round = job.round();
        Set<String> mixed = new HashSet<>(jobs.languagesMixedIn(job.id(), round));
        List<AlteredShot> altered = shots.ofRound(job.id(), round);
        Set<String> lipSynced = altered.stream().map(AlteredShot::language).collect(Collectors.toSet());
        if (round > 0) {
            for (ReviewItem earlier : items.currentOf(job.id())) {
                // a rejected check stays: it holds the job for its manager whatever the new mix measures;
                // a shot's item gives way to the new alteration of its language, but a rejected one stays too
                if (earlier.state() == ReviewState.RERENDER || earlier.state() != ReviewState.REJECTED
                        && (earlier.kind() == ReviewItem.Kind.CHECK && mixed.contains(earlier.language())
                        || earlier.kind() == ReviewItem.Kind.SHOT && lipSynced.contains(earlier.language()))) {
                    earlier.supersede();
                }
            }
        }
        for (JobTarget target : job.targets()) {
            if (!mixed.contains(target.language())) {
                continue;
            }
            Map<String, CueOutput> outputs = jobs.usableOutputsOf(job.id(), target.language());
            for (JobCue cue : target.cuesOf(JobPlan.Approach.SYNTHETIC)) {
                CueOutput line = outputs.get(cue.cueId());
                if (line != null && line.round() == round) {
                    items.add(ReviewItem.line(round, target.language(), cue, line, ready.at()));
                }
            }
        }
        for (AlteredShot shot : altered) {
            items.add(ReviewItem.shot(shot, ready.at()));
        }
        for (QaCheck failed : jobs.flaggedMixChecks(job.id(), round)) {
            items.add(ReviewItem.failedCheck(round, failed, ready.at()));
        }
        // a job with nothing synthesized and no failed check has nothing for a reviewer: approved at once
        settlement.settle(job, "pipeline", ready.at());
    }
}
