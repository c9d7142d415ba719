package org.dubgate.application.registry;

import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ExecutionSite;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.infrastructure.artifact.ArtifactHasher;
import org.dubgate.media.voice.VoiceEngines;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A registered engine artifact is exactly what the engine runs from, or the registration is refused (R5). */
class EngineArtifactsTest {

    static List<Path> installed;

    @TempDir
    Path tmp;

    @BeforeAll
    static void espeakIsInstalled() {
        try {
            installed = VoiceEngines.named("espeak-ng").orElseThrow().artifacts();
        } catch (Exception e) {
            Assumptions.abort("espeak-ng not installed: " + e.getMessage());
        }
    }

    private static AiModel.Declaration espeak(String version, String location) {
        return new AiModel.Declaration("espeak-ng es", ModelKind.VOICE, "espeak-ng", version, location, "GPL-3.0",
                "rule-based formant synthesis", true, false, false, ExecutionSite.ON_PREMISES);
    }

    private static String location(List<Path> paths) {
        return String.join(ArtifactHasher.SEPARATOR, paths.stream().map(Path::toString).toList());
    }

    @Test
    void leftOutTheArtifactIsTheInstalledEnginesBinaryLibraryAndDataWithItsReportedVersion() {
        AiModel.Declaration d = EngineArtifacts.resolve(espeak(null, null));
        assertEquals(location(installed), d.artifactLocation());
        assertTrue(d.version().matches("\\d+\\.\\d+.*"), d.version());
        assertEquals(d, EngineArtifacts.resolve(espeak(d.version(), d.artifactLocation())),
                "naming exactly those files registers the same");
    }

    @Test
    void anyOtherFileIsRefusedNamingTheDifference() throws Exception {
        Path anyFile = Files.writeString(tmp.resolve("voice-model.bin"), "formant voice data");
        InvalidInputException detached = assertThrows(InvalidInputException.class,
                () -> EngineArtifacts.resolve(espeak("1.51", anyFile.toString())));
        assertEquals("artifactLocation", detached.errors().get(0).field());
        assertTrue(detached.getMessage().contains(anyFile + " is not a file espeak-ng executes or reads"),
                detached.getMessage());

        InvalidInputException binaryOnly = assertThrows(InvalidInputException.class,
                () -> EngineArtifacts.resolve(espeak(null, installed.get(0).toString())));
        assertTrue(binaryOnly.getMessage().contains("loads " + installed.get(1) + ", which is not named"),
                binaryOnly.getMessage());
        assertTrue(binaryOnly.getMessage().contains("reads its voice data at " + installed.get(2)),
                binaryOnly.getMessage());
    }

    @Test
    void aDeclaredVersionMustBeTheOneTheBinaryReports() {
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> EngineArtifacts.resolve(espeak("9.9", null)));
        assertEquals("version", wrong.errors().get(0).field());
        assertTrue(wrong.getMessage().contains("not 9.9"), wrong.getMessage());
    }

    @Test
    void anEngineThisBuildDoesNotRunIsHashedAsNamed() throws Exception {
        Path weights = Files.writeString(tmp.resolve("voice.onnx"), "weights");
        AiModel.Declaration piper = new AiModel.Declaration("piper", ModelKind.VOICE, "piper", "1", weights.toString(),
                "MIT", "LibriTTS", true, false, false, ExecutionSite.ON_PREMISES);
        assertSame(piper, EngineArtifacts.resolve(piper));
    }
}
