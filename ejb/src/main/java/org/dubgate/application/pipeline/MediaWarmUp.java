package org.dubgate.application.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At deploy, the media work a first job would otherwise pay for the first time ({@link WarmUpRun}):
 * without it the first job after a start ran about a fifth slower than the next. It runs on the
 * server's managed executor; the deployment waits for it at most {@link #WAIT_AT_START} and then
 * goes on while it finishes in the background. It ends early when a task starts on this node (the
 * task warms the server up by itself, and on a small machine would only share the cores), and it can
 * never fail the deployment: whatever goes wrong is logged, and the node runs on.
 *
 * <p>When it has ended, it says {@code warm-up done in N ms} in the log (what a benchmark waits for
 * before its first job) and {@link #done()} is true. {@code dubgate.warmup.enabled=false} skips it.
 */
@Singleton
@Startup
@DependsOn("DecodedSources") // so the warm-up runs the kept-decoding paths a job takes
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MediaWarmUp {

    private static final Logger LOG = Logger.getLogger(MediaWarmUp.class.getName());

    /** How long the deployment waits for the warm-up: a start is delayed by no more than this. */
    static final Duration WAIT_AT_START = Duration.ofSeconds(3);
    /** How long an undeployment waits for a warm-up still running to see that it must stop, and clean up. */
    private static final Duration WAIT_AT_STOP = Duration.ofSeconds(10);

    @Inject
    ThisNode node;
    @Inject
    WorkingFolders folders;
    @Resource
    ManagedExecutorService executor;
    @Inject
    @ConfigProperty(name = "dubgate.warmup.enabled", defaultValue = "true")
    boolean enabled;

    private volatile boolean stopping;
    private volatile Duration finishedIn;
    private volatile Future<?> running;

    @PostConstruct
    void atStart() {
        if (!enabled) {
            finishedIn = Duration.ZERO;
            LOG.info("warm-up skipped (dubgate.warmup.enabled=false)");
            return;
        }
        long began = System.nanoTime();
        try {
            running = executor.submit(() -> warmUp(began));
            running.get(WAIT_AT_START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            LOG.fine(() -> "warm-up goes on in the background after " + WAIT_AT_START.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the deployment is cut short; @PreDestroy stops the warm-up
        } catch (ExecutionException | RuntimeException e) {
            // warmUp catches what a warm-up can throw: this is the executor refusing it, or a VM error
            ended(began, ", failed: " + (e instanceof ExecutionException ? e.getCause() : e), e);
        }
    }

    @PreDestroy
    void atStop() {
        stopping = true;
        Future<?> f = running;
        if (f != null && !f.isDone()) {
            try {
                f.get(WAIT_AT_STOP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.warning(() -> "the warm-up did not end with the deployment: " + e);
            }
        }
    }

    /** Whether the warm-up has ended (done, cut short, failed or skipped): the next job finds what it warmed. */
    public boolean done() {
        return finishedIn != null;
    }

    /** How long the warm-up took, once it has ended. */
    public Optional<Duration> finishedIn() {
        return Optional.ofNullable(finishedIn);
    }

    private void warmUp(long began) {
        Path folder = null;
        String outcome;
        Throwable failure = null;
        try {
            // under this start of the node: what a killed warm-up leaves is swept at the next start
            folder = Files.createTempDirectory(Files.createDirectories(folders.root().resolve(node.worker().boot())),
                    "warm-up-");
            outcome = ": " + new WarmUpRun(folder, () -> stopping || !node.running().isEmpty()).run();
        } catch (Exception | LinkageError e) {
            // LinkageError: FFmpeg's natives did not load; a job would fail on them with its own reason
            outcome = ", stopped by " + e;
            failure = e;
        } finally {
            folders.remove(folder);
        }
        ended(began, outcome, failure);
    }

    private void ended(long began, String outcome, Throwable failure) {
        finishedIn = Duration.ofNanos(System.nanoTime() - began);
        LOG.log(failure == null ? Level.INFO : Level.WARNING, "warm-up done in " + finishedIn.toMillis() + " ms"
                + outcome, failure);
    }
}
