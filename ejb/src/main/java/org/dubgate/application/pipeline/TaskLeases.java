package org.dubgate.application.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.port.ContentStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Keeps running tasks' leases and recovers orphaned ones, per node. At start it sweeps what a killed
 * earlier start of this node left (working folders, half-written uploads) and dispatches again the
 * tasks that start held; then, every third of a lease, it renews the leases of the tasks this node
 * runs and dispatches again every task, of any node, whose lease ran out. So a task whose worker
 * died — or whose completion the database lost — runs again, exactly once, and resumes after its
 * last recorded output. Coordination is by row locks, so several nodes may sweep at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskLeases {

    private static final Logger LOG = Logger.getLogger(TaskLeases.class.getName());

    @Inject
    ThisNode node;
    @Inject
    StageTransactions transactions;
    @Inject
    WorkingFolders folders;
    @Inject
    ContentStore store;
    @Resource
    TimerService timers;
    @Inject
    @ConfigProperty(name = "dubgate.tasks.lease-seconds", defaultValue = "30")
    long leaseSeconds;

    /** Only housekeeping: storage that will not list unfinished uploads to this node must not stop it. */
    private int sweepUploads() {
        try {
            return store.sweepAbandonedUploads();
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not remove the unfinished uploads earlier starts left behind: " + e);
            return 0;
        }
    }

    @PostConstruct
    void atStart() {
        int folders = this.folders.sweepEarlierStarts();
        int uploads = sweepUploads();
        if (folders + uploads > 0) {
            LOG.info(() -> "removed what earlier starts left behind: " + folders + " working folder(s), " + uploads
                    + " unfinished upload(s)");
        }
        long everyMillis = Math.max(1000, leaseSeconds * 1000 / 3);
        timers.createIntervalTimer(0, everyMillis, new TimerConfig("task leases", false));
    }

    @Timeout
    void tick() {
        Set<UUID> running = node.running();
        for (UUID task : running) {
            try {
                transactions.renewLease(task, node.worker());
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not renew the lease of task " + task + ": " + StageRunner.reason(e));
            }
        }
        for (UUID orphan : transactions.orphanedTasks(node.worker())) {
            if (running.contains(orphan)) {
                continue; // ours and alive: its renewal only came late
            }
            try {
                transactions.dispatchOrphanAgain(orphan, node.worker());
            } catch (RuntimeException e) {
                LOG.warning(() -> "could not dispatch orphaned task " + orphan + " again: " + StageRunner.reason(e));
            }
        }
    }
}
