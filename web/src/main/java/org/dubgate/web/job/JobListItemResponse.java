package org.dubgate.web.job;

import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.review.ReviewState;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A job as the job list shows it: what, for whom, how far; its tasks are on {@code GET /jobs/{id}}. */
public record JobListItemResponse(String id, String title, String state, String reason, String purpose,
                                  List<String> languages, int progressPercent, String createdBy, Instant createdAt,
                                  Instant updatedAt, int round, Map<String, Long> reviewItems) {

    /** {@code review}: the job's review items per state (empty before review), QA's progress on it. */
    public static JobListItemResponse of(DubbingJob j, JobRepository.Progress progress, Map<ReviewState, Long> review) {
        Map<String, Long> counts = new TreeMap<>();
        review.forEach((state, n) -> counts.put(state.name(), n));
        return new JobListItemResponse(j.id().toString(), j.titleCode(), j.state().name(), j.stateReason().orElse(null),
                j.purpose().name(), j.targets().stream().map(JobTarget::language).toList(), progress.percent(),
                j.createdBy(), j.createdAt(), j.updatedAt(), j.round(), counts);
    }
}
