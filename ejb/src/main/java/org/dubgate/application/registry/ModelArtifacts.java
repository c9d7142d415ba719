package org.dubgate.application.registry;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.infrastructure.artifact.ArtifactFingerprint;
import org.dubgate.infrastructure.artifact.ArtifactHasher;
import org.dubgate.media.voice.ArtifactMismatchException;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.VoiceEngine;

import java.util.Optional;
import java.util.UUID;

/**
 * What a worker runs a model with (R5): the engine run from exactly the registered files (never one
 * found by name on the PATH), and the fingerprint of those files. Taken right before the gate hashes
 * the artifact in full, the fingerprint stands for the files that hashed right; compared before every
 * line, it stops the work at the first line after any of them changed, instead of at the full check
 * before commit — without a second full hash per task.
 */
@Stateless
public class ModelArtifacts {

    @Inject
    AiModelRepository models;
    @Inject
    ArtifactHasher hasher;
    @Inject
    PinnedEngines engines;

    /** A model held for a run, or why it may not run: a reason in the gate's {@code CODE: message} form. */
    public sealed interface Pin permits Held, FilesHeld, Refused {
    }

    /**
     * A model's files as they were when they hashed right, for an engine that loads them itself (a
     * lip-sync model's parameter or .onnx file): compared once its work is done, a stat per file.
     */
    public record FilesHeld(String model, ArtifactFingerprint fingerprint) implements Pin {

        public Optional<String> changedAfter(String what) {
            return fingerprint.firstChange().map(change -> "MODEL_ARTIFACT_CHANGED: model " + model + ": " + change
                    + " since its artifact was verified, while it made " + what);
        }
    }

    /** The engine on exactly the model's files, and their fingerprint as they were when they hashed right. */
    public record Held(String model, VoiceEngine engine, ArtifactFingerprint fingerprint) implements Pin {

        /**
         * Why the next line may not be made, if any artifact file changed since it was hashed: a stat
         * per file and folder, no read.
         */
        public Optional<String> changedBefore(String cueId) {
            return fingerprint.firstChange().map(change -> "MODEL_ARTIFACT_CHANGED: model " + model + ": " + change
                    + " since its artifact was verified; stopped before cue " + cueId);
        }
    }

    public record Refused(String reason) implements Pin {
    }

    /** Pins a model's files for an engine that reads them itself: their fingerprint, or why it may not run. */
    public Pin pinFiles(UUID modelId) {
        AiModel model = models.find(modelId).orElseThrow(() -> new NoSuchEntityException("model", modelId));
        String named = model.name() + " " + model.modelVersion();
        return hasher.fingerprint(model.artifactLocation()).<Pin>map(f -> new FilesHeld(named, f))
                .orElseGet(() -> new Refused("MODEL_ARTIFACT_MISSING: model " + named + " artifact is missing at "
                        + model.artifactLocation()));
    }

    /**
     * Pins the model for a run, before the gate's full check of its hash: the engine checked to run
     * from exactly its registered files, and those files fingerprinted. An engine this node does not
     * run fails the attempt (another node may run it); files that are not what the engine runs from,
     * or are missing, refuse the work.
     */
    public Pin pin(UUID modelId) {
        AiModel model = models.find(modelId).orElseThrow(() -> new NoSuchEntityException("model", modelId));
        String named = model.name() + " " + model.modelVersion();
        Optional<ArtifactFingerprint> fingerprint = hasher.fingerprint(model.artifactLocation());
        if (fingerprint.isEmpty()) {
            return new Refused("MODEL_ARTIFACT_MISSING: model " + named + " artifact is missing at "
                    + model.artifactLocation());
        }
        try {
            return new Held(named, engines.of(model), fingerprint.get());
        } catch (ArtifactMismatchException e) {
            return new Refused("MODEL_ARTIFACT_DETACHED: model " + named + ": its registered artifact is "
                    + e.getMessage());
        } catch (EngineException e) {
            throw new IllegalStateException("model " + named + ": " + e.getMessage(), e);
        }
    }
}
