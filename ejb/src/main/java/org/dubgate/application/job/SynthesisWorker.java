package org.dubgate.application.job;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.model.HashState;
import org.dubgate.infrastructure.artifact.ArtifactHasher;
import org.dubgate.media.timing.TimeFit;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.Speech;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs one SYNTHESIZE task with no transaction open. Before running the model it re-checks the
 * consent gate for this exact use and re-hashes the model's artifact (R5, R9); it writes each
 * line's audio to content storage as it goes, with its time-fit against its cue (a redelivered task
 * skips lines already done); before
 * marking the task done it checks the gate once more, so a revocation that landed meanwhile stops
 * the work and quarantines what was made. Failures propagate, so the queue retries and dead-letters.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SynthesisWorker {

    private static final String WORKER = "synthesis-worker";

    @Inject
    TaskSteps steps;
    @Inject
    GateService gate;
    @Inject
    ArtifactHasher hasher;
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
        try {
            GateDecision before = gate.decide(work.plan());
            Optional<String> refused = refusal(work, before);
            if (refused.isPresent()) {
                steps.block(taskId, refused.get(), WORKER);
                return;
            }
            Optional<UUID> grant = before.uses().stream().map(GateDecision.UseDecision::grantId)
                    .filter(java.util.Objects::nonNull).findFirst();
            VoiceEngine engine = VoiceEngines.named(work.engine()).orElseThrow(() -> new IllegalStateException(
                    "engine " + work.engine() + " is not installed on this node"));
            for (SynthesisWork.Line line : work.lines()) {
                if (!steps.stillRunning(taskId)) {
                    return; // cancelled or blocked meanwhile: keep what was made, stop here
                }
                if (!work.done().contains(line.cueId())) {
                    speak(work, engine, line, grant);
                }
            }
            Optional<String> refusedAfter = refusal(work, gate.decide(work.plan()));
            if (refusedAfter.isPresent()) {
                steps.block(taskId, refusedAfter.get() + " (checked again before committing the output)", WORKER);
                return;
            }
            steps.complete(taskId);
        } catch (RuntimeException e) {
            steps.recordAttemptFailure(taskId, e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
    }

    private void speak(SynthesisWork work, VoiceEngine engine, SynthesisWork.Line line, Optional<UUID> grant) {
        Path wav = null;
        try {
            wav = Files.createTempFile("dubgate-line-", ".wav");
            long began = System.nanoTime();
            Speech speech = engine.synthesize(line.text(), work.language(), work.settings(), wav,
                    Duration.ofSeconds(lineTimeoutSeconds));
            Duration engineTime = Duration.ofNanos(System.nanoTime() - began);
            TimeFit fit = TimeFit.plan(line.start(), line.end(), line.window(), speech.length(), work.maxTempo());
            StoredContent stored;
            try (InputStream in = Files.newInputStream(wav)) {
                stored = store.store(in, Long.MAX_VALUE);
            }
            steps.recordOutput(work, line.cueId(), stored.sha256(), speech.length(), fit, engineTime, grant);
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

    /** Why this work may not run now, if it may not: the gate's violations, or a changed model artifact. */
    private Optional<String> refusal(SynthesisWork work, GateDecision decision) {
        if (!decision.allowed()) {
            return Optional.of(decision.violations().stream().map(v -> v.code() + ": " + v.message())
                    .collect(Collectors.joining("; ")));
        }
        HashState hash = hasher.check(work.artifactLocation(), work.artifactSha256());
        return hash == HashState.MATCH ? Optional.empty()
                : Optional.of("MODEL_HASH_" + hash + ": the model's artifact no longer matches the registry");
    }
}
