package org.dubgate.domain.job;

import java.time.Instant;

/**
 * Everything of a round of the job's work is made, mixed, checked and assembled: its review items
 * are to be opened. Fired in the transaction that put the job IN_REVIEW, with the job locked.
 */
public record JobReadyForReview(DubbingJob job, Instant at) {
}
