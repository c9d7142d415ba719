package org.dubgate.application.review;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.domain.review.ReviewItemRepository;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * At start, opens the review items of jobs that reached {@code IN_REVIEW} before review items existed
 * (a database from before this version): without them nothing could ever approve or deliver such a
 * job. Each job is done in a transaction of its own under its lock; a job that has items is left.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReviewBackfill {

    private static final Logger LOG = Logger.getLogger(ReviewBackfill.class.getName());

    @Inject
    ReviewItemRepository items;
    @Inject
    ReviewService review;

    @PostConstruct
    void openMissingItems() {
        List<UUID> jobs = items.inReviewWithoutItems();
        int opened = 0;
        for (UUID job : jobs) {
            try {
                opened += review.openIfMissing(job);
            } catch (RuntimeException e) {
                // one job that cannot be opened must not stop the deployment; the next start tries again
                LOG.warning(() -> "could not open the review items of job " + job + ": " + e);
            }
        }
        if (!jobs.isEmpty()) {
            int total = opened;
            LOG.info(() -> "opened " + total + " review item(s) for " + jobs.size()
                    + " job(s) that were in review before review items existed");
        }
    }
}
