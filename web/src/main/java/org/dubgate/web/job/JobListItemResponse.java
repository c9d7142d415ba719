package org.dubgate.web.job;

import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobTarget;

import java.time.Instant;
import java.util.List;

/** A job as the job list shows it: what, for whom, how far; its tasks are on {@code GET /jobs/{id}}. */
public record JobListItemResponse(String id, String title, String state, String reason, String purpose,
                                  List<String> languages, int progressPercent, String createdBy, Instant createdAt,
                                  Instant updatedAt) {

    public static JobListItemResponse of(DubbingJob j, JobRepository.Progress progress) {
        return new JobListItemResponse(j.id().toString(), j.titleCode(), j.state().name(), j.stateReason().orElse(null),
                j.purpose().name(), j.targets().stream().map(JobTarget::language).toList(), progress.percent(),
                j.createdBy(), j.createdAt(), j.updatedAt());
    }
}
