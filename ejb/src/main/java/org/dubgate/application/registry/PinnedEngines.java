package org.dubgate.application.registry;

import jakarta.enterprise.context.ApplicationScoped;
import org.dubgate.domain.model.AiModel;
import org.dubgate.infrastructure.artifact.ArtifactHasher;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per node, the engine of each model once the engine has confirmed that it runs from exactly the
 * model's registered files (two process runs, about 20 ms): a task then starts without asking again.
 * Keyed by model and artifact hash — a model's location and hash never change, and files that changed
 * since fail the hash check before anything runs — and bounded.
 */
@ApplicationScoped
public class PinnedEngines {

    private static final int MAX_ENTRIES = 256;

    private final Map<String, VoiceEngine> confirmed = new ConcurrentHashMap<>();

    /**
     * The model's engine, run from exactly its registered files.
     *
     * @throws IllegalStateException when this node does not run the model's engine
     * @throws EngineException       when the engine cannot be asked, or ({@link
     *                               org.dubgate.media.voice.ArtifactMismatchException}) the files are not what it runs from
     */
    public VoiceEngine of(AiModel model) throws EngineException {
        String key = model.id() + "/" + model.artifactSha256();
        VoiceEngine engine = confirmed.get(key);
        if (engine == null) {
            VoiceEngine installed = VoiceEngines.named(model.engine()).orElseThrow(() -> new IllegalStateException(
                    "engine " + model.engine() + " is not installed on this node"));
            engine = installed.runFrom(ArtifactHasher.paths(model.artifactLocation()));
            if (confirmed.size() >= MAX_ENTRIES) {
                confirmed.clear();
            }
            confirmed.put(key, engine);
        }
        return engine;
    }
}
