package org.dubgate.media.voice;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * R5's pin is what runs: an engine's artifacts are the files the engine itself says it executes and
 * reads, it runs from exactly the files it is pinned to, and files that are not those are refused
 * with every difference named. On the real Debian engines; skipped with a reason when absent.
 */
class EnginePinningTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static void assumeInstalled(String engine) {
        Assumptions.assumeTrue(Executables.onPath(engine).isPresent(), engine + " not installed: run bin/setup-system");
    }

    @Test
    void theInstalledEnginesArtifactsAreExactlyItsBinaryItsOwnLibrariesAndItsVoiceData() throws Exception {
        assumeInstalled("espeak-ng");
        assumeInstalled("flite");
        List<Path> espeak = new EspeakNg().artifacts();
        assertEquals(3, espeak.size(), espeak.toString());
        assertEquals(Path.of("/usr/bin/espeak-ng").toRealPath(), espeak.get(0));
        assertTrue(espeak.get(1).getFileName().toString().matches("libespeak-ng\\.so\\.1\\.\\d+\\.\\d+"),
                "the synthesizer the binary loads, as its real file: " + espeak);
        assertEquals("espeak-ng-data", espeak.get(2).getFileName().toString());
        assertEquals(espeak, new EspeakNg().runFrom(espeak).artifacts(), "confirmed by the engine itself");

        List<Path> flite = new Flite().artifacts();
        assertTrue(flite.stream().skip(1).allMatch(p -> p.getFileName().toString().startsWith("libflite")), flite.toString());
        assertTrue(flite.stream().anyMatch(p -> p.getFileName().toString().startsWith("libflite_cmu_us_slt.so.")));
        assertTrue(flite.stream().noneMatch(p -> p.getFileName().toString().startsWith("libc.")), "the platform is not the engine");
        assertEquals(flite, new Flite().runFrom(flite).artifacts());
    }

    @Test
    void filesThatAreNotWhatTheEngineRunsFromAreRefusedWithEveryDifferenceNamed() throws Exception {
        assumeInstalled("espeak-ng");
        assumeInstalled("flite");
        List<Path> installed = new EspeakNg().artifacts();
        Path binary = installed.get(0);
        Path library = installed.get(1);
        Path data = installed.get(2);
        Path anyFile = Files.writeString(tmp.resolve("voice-model.bin"), "formant voice data");

        String detached = refusal(List.of(anyFile));
        assertTrue(detached.contains(anyFile + " is not a file espeak-ng executes or reads"), detached);
        assertTrue(detached.contains("it names no espeak-ng executable"), detached);

        String binaryOnly = refusal(List.of(binary));
        assertTrue(binaryOnly.contains("loads " + library + ", which is not named"), binaryOnly);
        assertTrue(binaryOnly.contains("reads its voice data at " + data + ", which is not named"), binaryOnly);

        String extra = refusal(List.of(binary, library, data, anyFile));
        assertTrue(extra.contains(anyFile + " is not a file espeak-ng executes or reads"), extra);

        String otherEngine = refusal(List.of(Executables.require("flite"), library, data));
        assertTrue(otherEngine.contains("is not espeak-ng"), otherEngine);

        Path renamed = Files.createDirectories(tmp.resolve("voices"));
        String wrongFolder = refusal(List.of(binary, library, renamed));
        assertTrue(wrongFolder.contains(renamed + " is a folder espeak-ng does not read"), wrongFolder);
        assertTrue(wrongFolder.contains("reads its voice data at " + data), wrongFolder);

        String missing = refusal(List.of(binary, library, data, tmp.resolve("gone")));
        assertTrue(missing.contains("nothing at " + tmp.resolve("gone")), missing);

        ArtifactMismatchException fliteWithoutLibraries = assertThrows(ArtifactMismatchException.class,
                () -> new Flite().runFrom(List.of(Executables.require("flite"))));
        assertTrue(fliteWithoutLibraries.getMessage().contains("libflite_cmu_us_slt.so."), fliteWithoutLibraries.getMessage());
    }

    @Test
    void aPinnedEngineRunsFromItsOwnCopyAndNothingElse() throws Exception {
        assumeInstalled("espeak-ng");
        List<Path> installed = new EspeakNg().artifacts();
        Path bin = Files.copy(installed.get(0), Files.createDirectories(tmp.resolve("bin")).resolve("espeak-ng"));
        Path lib = Files.copy(installed.get(1), Files.createDirectories(tmp.resolve("lib")).resolve(installed.get(1).getFileName()));
        Path data = copyTree(installed.get(2), tmp.resolve("lib/espeak-ng-data"));
        // the copy's data differs from the installed data in one way a query shows: no Spanish (Spain) voice
        Files.delete(data.resolve("lang/roa/es"));

        VoiceEngine copy = new EspeakNg().runFrom(List.of(data, lib, bin));
        assertEquals(List.of(bin.toRealPath(), lib.toRealPath(), data.toRealPath()), copy.artifacts(),
                "binary, library, data: what the registry hashes");
        assertEquals(Optional.of("es"), new EspeakNg().voiceFor("es-ES"));
        assertNotEquals(Optional.of("es"), copy.voiceFor("es-ES"), "the copy reads its own voice data");
        Speech speech = copy.synthesize("Hola, ¿qué tal?", "es-419", VoiceSettings.DEFAULT, tmp.resolve("a.wav"), TIMEOUT);
        assertTrue(speech.length().toMillis() > 300, speech.toString());

        String halfCopied = refusal(List.of(bin, lib));
        assertTrue(halfCopied.contains("reads its voice data at " + installed.get(2)), halfCopied);
    }

    @Test
    void mbrolaVoicesAndVoicesFliteWasNotBuiltWithAreRefused() throws Exception {
        assumeInstalled("espeak-ng");
        assumeInstalled("flite");
        EngineException mbrola = assertThrows(EngineException.class, () -> new EspeakNg().synthesize("Hola", "es",
                new VoiceSettings(Optional.of("mb-es1"), 100, 100), tmp.resolve("m.wav"), TIMEOUT));
        assertTrue(mbrola.getMessage().contains("outside the registered artifact"), mbrola.getMessage());
        EngineException file = assertThrows(EngineException.class, () -> new Flite().synthesize("Hello", "en",
                new VoiceSettings(Optional.of("voice.flitevox"), 100, 100), tmp.resolve("f.wav"), TIMEOUT));
        assertTrue(file.getMessage().contains("no built-in voice voice.flitevox"), file.getMessage());
    }

    private static String refusal(List<Path> files) {
        return assertThrows(ArtifactMismatchException.class, () -> new EspeakNg().runFrom(files)).getMessage();
    }

    /** A copy of the engine's data folder that the test owns (commons-io keeps the tree as it is). */
    private static Path copyTree(Path from, Path to) throws IOException {
        org.apache.commons.io.FileUtils.copyDirectory(from.toFile(), to.toFile());
        return to;
    }
}
