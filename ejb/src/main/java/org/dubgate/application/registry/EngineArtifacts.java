package org.dubgate.application.registry;

import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.Text;
import org.dubgate.infrastructure.artifact.ArtifactHasher;
import org.dubgate.media.voice.ArtifactMismatchException;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * R5's pin must be what runs. For an engine this build runs (espeak-ng, flite) the artifact is exactly
 * the files the engine runs from, as the engine itself reports them: left out, they are the installed
 * engine's; named, they must be exactly those of one engine installation (e.g. a copy kept elsewhere),
 * and the worker then runs the engine from them. Anything else is refused with the difference named,
 * so the registry can never hash one file while the worker runs another. The version is the one the
 * binary reports. An engine this build does not run is hashed as named; no worker here can run it.
 */
final class EngineArtifacts {

    private EngineArtifacts() {
    }

    /** The declaration with the artifact location as the engine runs from it, and its reported version. */
    static AiModel.Declaration resolve(AiModel.Declaration d) {
        Optional<VoiceEngine> installed = Text.trimmed(d.engine()).flatMap(VoiceEngines::named);
        if (installed.isEmpty()) {
            return d;
        }
        VoiceEngine engine = installed.get();
        try {
            List<Path> named = Text.trimmed(d.artifactLocation()).map(ArtifactHasher::paths).orElse(List.of());
            VoiceEngine runs = engine.runFrom(named.isEmpty() ? engine.artifacts() : named);
            String version = runs.version();
            Optional<String> declared = Text.trimmed(d.version());
            if (declared.isPresent() && !declared.get().equals(version)) {
                throw InvalidInputException.of("version", engine.name() + " at " + runs.artifacts().get(0)
                        + " reports version " + version + ", not " + declared.get()
                        + " (leave it out to take the reported one)");
            }
            String location = runs.artifacts().stream().map(Path::toString)
                    .collect(Collectors.joining(ArtifactHasher.SEPARATOR));
            return new AiModel.Declaration(d.name(), d.kind(), engine.name(), version, location, d.licence(),
                    d.trainingData(), d.trainingDataLicensed(), d.storesInputs(), d.trainsOnInputs(), d.executionSite());
        } catch (ArtifactMismatchException e) {
            throw InvalidInputException.of("artifactLocation", "for engine " + engine.name() + " this is "
                    + e.getMessage() + ". Leave it out to register the installed " + engine.name()
                    + ", or name exactly the binary, libraries and data of one installation");
        } catch (EngineException e) {
            throw InvalidInputException.of("engine", e.getMessage());
        }
    }
}
