package org.dubgate.media.voice;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Engines run to write a file, without reader threads: the real flite, asked to do what it cannot. */
class EngineProcessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void anEngineThatExitsCleanlyButWritesNothingIsAnErrorInItsOwnWords() throws Exception {
        Assumptions.assumeTrue(Executables.onPath("flite").isPresent(), "flite not installed: run bin/setup-system");
        Path absent = tmp.resolve("absent.txt");
        Path wav = tmp.resolve("line.wav");
        // flite exits 0 when it cannot open its text file: only the missing WAV and its stderr tell
        EngineException e = assertThrows(EngineException.class, () -> EngineProcess.runWritingFile(
                List.of(Executables.require("flite").toString(), "-voice", "slt", "-f", absent.toString(),
                        "-o", wav.toString()), Map.of(), null, TIMEOUT, wav));
        assertEquals("flite wrote no line.wav (exit 0): failed to open file \"" + absent + "\" for reading",
                e.getMessage());
        assertFalse(Files.exists(tmp.resolve("line.wav.err")), "the error file is removed");
    }

    @Test
    void aSuccessfulRunLeavesOnlyItsOutput() throws Exception {
        Assumptions.assumeTrue(Executables.onPath("espeak-ng").isPresent(), "espeak-ng not installed: run bin/setup-system");
        Path wav = tmp.resolve("line.wav");
        EngineProcess.runWritingFile(List.of(Executables.require("espeak-ng").toString(), "-v", "en", "-w",
                wav.toString(), "--stdin"), Map.of(), "Good morning.", TIMEOUT, wav);
        assertTrue(WavFiles.describe(wav).length().toMillis() > 300, "the text on stdin was spoken");
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(wav), left.toList());
        }
    }
}
