package org.dubgate.domain.review;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Review items; the QA queue is keyset-paged by id. */
public interface ReviewItemRepository {

    /** A filter for the QA queue; each part left out matches every item. */
    record Query(Optional<UUID> jobId, Optional<ReviewState> state, Optional<String> flag, Optional<String> language) {
    }

    void add(ReviewItem item);

    Optional<ReviewItem> find(UUID id);

    /** The job an item belongs to, read without loading the item (so the job can be locked first). */
    Optional<UUID> jobOf(UUID itemId);

    /** Jobs IN_REVIEW without a single review item: they reached review before review items existed. */
    List<UUID> inReviewWithoutItems();

    Page<ReviewItem> list(Query query, PageRequest page);

    /** Every item of a job that still counts (not SUPERSEDED); the caller holds the job's lock. */
    List<ReviewItem> currentOf(UUID jobId);

    /** How many current items of a job are in each state, without loading them. */
    java.util.Map<ReviewState, Long> countsOf(UUID jobId);

    /** The same for a page of jobs, in one query; a job without items is left out. */
    java.util.Map<UUID, java.util.Map<ReviewState, Long>> countsOf(java.util.Collection<UUID> jobIds);
}
