package org.dubgate.application.pipeline;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.TaskKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs one task through its stage ({@link Stage}): start locked, work unlocked in a working folder of
 * its own, complete locked; every failed attempt keeps its reason on the task, and the failure
 * propagates so the queue retries and, after the last attempt, dead-letters. Nothing is caught and
 * dropped. While the work runs, the task is among this node's running tasks, whose leases are renewed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StageRunner {

    static final String WORKER = "pipeline-worker";
    private static final long VISIBLE_WITHIN_NANOS = 5_000_000_000L;

    @Inject
    JobRepository jobs;
    @Inject
    Stages stages;
    @Inject
    StageTransactions transactions;
    @Inject
    WorkingFolders folders;
    @Inject
    ThisNode node;

    public void run(UUID taskId) {
        run(stages.of(kindOf(taskId)), taskId);
    }

    /**
     * The task's kind, waiting a moment for the task to be visible: the task and its message commit
     * together, but the two stores commit one after the other, and the broker may deliver the
     * message before the database shows the row (seen on PostgreSQL). Only a task that stays
     * missing is an error, which the queue retries like any other.
     */
    private TaskKind kindOf(UUID taskId) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN_NANOS;
        for (Optional<TaskKind> kind = jobs.kindOfTask(taskId); ; kind = jobs.kindOfTask(taskId)) {
            if (kind.isPresent()) {
                return kind.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalArgumentException("no task " + taskId);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for task " + taskId, e);
            }
        }
    }

    private <W, R> void run(Stage<W, R> stage, UUID taskId) {
        Optional<W> work;
        try {
            work = transactions.start(stage, taskId, node.worker());
        } catch (RuntimeException e) {
            transactions.attemptFailed(taskId, reason(e), false);
            throw e;
        }
        if (work.isEmpty()) {
            return;
        }
        node.started(taskId);
        try {
            Stage.Outcome<R> outcome;
            Path folder = folders.create(stage.kind(), taskId);
            try {
                outcome = stage.work(work.get(), folder);
            } finally {
                folders.remove(folder);
            }
            if (outcome instanceof Stage.Outcome.Made<R> made) {
                transactions.complete(stage, taskId, made.result());
            } else if (outcome instanceof Stage.Outcome.Refused<R> refused) {
                transactions.block(taskId, refused.reason(), WORKER);
            }
        } catch (Exception e) {
            transactions.attemptFailed(taskId, reason(e), true);
            throw e instanceof RuntimeException r ? r : e instanceof IOException io ? new UncheckedIOException(io)
                    : new IllegalStateException(stage.kind() + ": " + reason(e), e);
        } finally {
            node.finished(taskId);
        }
    }

    /** The real cause, not the container's wrapping of it. */
    static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof EJBException || t.getMessage() == null) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
