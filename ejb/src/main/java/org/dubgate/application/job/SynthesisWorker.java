package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.media.timing.TimeFit;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.Speech;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs one SYNTHESIZE task with no transaction open. Before running the model it re-checks the
 * consent gate for this exact use, which re-hashes the model's artifact (R5, R9); it writes each
 * line's audio to content storage as it goes, with its time-fit against its cue, and records the
 * lines in small groups (a redelivered task skips lines already recorded; when an attempt fails,
 * the lines it made are recorded first, so the retry resumes after them); before marking the task done it checks the gate
 * once more, so a revocation that landed meanwhile stops the work and quarantines what was made.
 * Failures propagate, so the queue retries and dead-letters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SynthesisWorker {

    private static final String WORKER = "synthesis-worker";
    /**
     * Lines are recorded a few at a time: one short transaction per group instead of per line (fast
     * engines make a line in tens of milliseconds). A group is recorded once it holds this many lines
     * or its oldest line has waited this long, so a slow engine's lines are recorded one by one and a
     * cancel or revocation is seen within a quarter of a second.
     */
    static final int RECORD_AT_MOST = 8;
    static final long RECORD_WITHIN_NANOS = 250_000_000L;

    @Inject
    TaskSteps steps;
    @Inject
    GateService gate;
    @Inject
    ContentStore store;
    @Inject
    @ConfigProperty(name = "dubgate.synthesis.line-timeout-seconds", defaultValue = "60")
    long lineTimeoutSeconds;

    public void run(UUID taskId) {
        Optional<SynthesisWork> started = steps.start(taskId);
        if (started.isEmpty()) {
            return;
        }
        SynthesisWork work = started.get();
        List<SynthesisWork.Made> pending = new ArrayList<>();
        Optional<UUID> grant = Optional.empty();
        try {
            GateDecision before = gate.decide(work.plan());
            Optional<String> refused = refusal(before);
            if (refused.isPresent()) {
                steps.block(taskId, refused.get(), WORKER);
                return;
            }
            grant = before.uses().stream().map(GateDecision.UseDecision::grantId)
                    .filter(java.util.Objects::nonNull).findFirst();
            VoiceEngine engine = VoiceEngines.named(work.engine()).orElseThrow(() -> new IllegalStateException(
                    "engine " + work.engine() + " is not installed on this node"));
            long oldestPending = 0;
            for (SynthesisWork.Line line : work.lines()) {
                if (work.done().contains(line.cueId())) {
                    continue;
                }
                if (pending.isEmpty()) {
                    oldestPending = System.nanoTime();
                }
                pending.add(speak(work, engine, line));
                if (pending.size() >= RECORD_AT_MOST || System.nanoTime() - oldestPending >= RECORD_WITHIN_NANOS) {
                    boolean running = steps.recordOutputs(work, pending, grant);
                    pending.clear();
                    if (!running) {
                        return; // cancelled or blocked meanwhile: keep what was made, stop here
                    }
                }
            }
            if (!pending.isEmpty() && !steps.recordOutputs(work, pending, grant)) {
                return;
            }
            Optional<String> refusedAfter = refusal(gate.decide(work.plan()));
            if (refusedAfter.isPresent()) {
                steps.block(taskId, refusedAfter.get() + " (checked again before committing the output)", WORKER);
                return;
            }
            steps.complete(taskId);
        } catch (RuntimeException e) {
            keep(work, pending, grant, e);
            steps.recordAttemptFailure(taskId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }

    /** Records the lines made before a failure, so the retry resumes after them, not before. */
    private void keep(SynthesisWork work, List<SynthesisWork.Made> pending, Optional<UUID> grant, RuntimeException failure) {
        if (pending.isEmpty()) {
            return;
        }
        try {
            steps.recordOutputs(work, pending, grant);
        } catch (RuntimeException alsoFailed) {
            failure.addSuppressed(alsoFailed); // the original failure is what the task reports
        }
    }

    /** Makes one line, time-fits it and stores its audio. */
    private SynthesisWork.Made speak(SynthesisWork work, VoiceEngine engine, SynthesisWork.Line line) {
        Path wav = null;
        try {
            wav = Files.createTempFile("dubgate-line-", ".wav");
            long began = System.nanoTime();
            Speech speech = engine.synthesize(line.text(), work.language(), work.settings(), wav,
                    Duration.ofSeconds(lineTimeoutSeconds));
            Duration engineTime = Duration.ofNanos(System.nanoTime() - began);
            TimeFit fit = TimeFit.plan(line.start(), line.end(), line.window(), speech.length(), work.maxTempo());
            StoredContent stored = store.store(wav);
            return new SynthesisWork.Made(line.cueId(), stored.sha256(), speech.length(), fit, engineTime);
        } catch (EngineException e) {
            throw new IllegalStateException("cue " + line.cueId() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cue " + line.cueId() + ": " + e.getMessage(), e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }

    /**
     * Why this work may not run now, if it may not: the gate's violations — which include a model
     * whose artifact no longer hashes to its registered SHA-256 (R5), checked as part of the decision.
     */
    private static Optional<String> refusal(GateDecision decision) {
        if (decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of(decision.violations().stream().map(v -> v.code() + ": " + v.message())
                .collect(Collectors.joining("; ")));
    }
}
