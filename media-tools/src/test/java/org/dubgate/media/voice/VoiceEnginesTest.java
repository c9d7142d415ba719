package org.dubgate.media.voice;

import org.dubgate.media.audio.PcmWav;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The real engines from Debian (installed by bin/setup-system); skipped with a reason when absent. */
class VoiceEnginesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private static void assumeInstalled(String engine) {
        Assumptions.assumeTrue(Executables.onPath(engine).isPresent(), engine + " not installed: run bin/setup-system");
    }

    @Test
    void fliteSpeaksEnglishAndLengthFollowsText() throws Exception {
        assumeInstalled("flite");
        Flite flite = new Flite();
        Speech shortLine = flite.synthesize("Bin blue.", "en-US", VoiceSettings.DEFAULT, tmp.resolve("a.wav"), TIMEOUT);
        Speech longLine = flite.synthesize("Lay white by s zero again, and then place red with p nine please, soon.",
                "en", VoiceSettings.DEFAULT, tmp.resolve("b.wav"), TIMEOUT);
        assertTrue(rms(shortLine.wav()) > 500, "audible");
        assertTrue(shortLine.length().toMillis() > 300 && shortLine.length().toMillis() < 3000, shortLine.toString());
        assertTrue(longLine.length().toMillis() > 3 * shortLine.length().toMillis(), shortLine + " vs " + longLine);
        assertEquals(Optional.empty(), flite.voiceFor("es"));
        EngineException spanish = assertThrows(EngineException.class,
                () -> flite.synthesize("Hola", "es", VoiceSettings.DEFAULT, tmp.resolve("c.wav"), TIMEOUT));
        assertEquals("flite speaks English only, not es", spanish.getMessage());
    }

    @Test
    void espeakSpeaksSpanishWithPitchAndRate() throws Exception {
        assumeInstalled("espeak-ng");
        EspeakNg espeak = new EspeakNg();
        assertEquals(Optional.of("es"), espeak.voiceFor("es-ES"));
        assertEquals(Optional.of("es-419"), espeak.voiceFor("es-419"));
        assertEquals(Optional.of("pt-br"), espeak.voiceFor("pt-BR"));
        assertEquals(Optional.empty(), espeak.voiceFor("tlh"));
        Speech normal = espeak.synthesize("¿Dónde estabas anoche, Ana?", "es-ES", VoiceSettings.DEFAULT,
                tmp.resolve("n.wav"), TIMEOUT);
        Speech fast = espeak.synthesize("¿Dónde estabas anoche, Ana?", "es-ES",
                new VoiceSettings(Optional.empty(), 120, 150), tmp.resolve("f.wav"), TIMEOUT);
        assertTrue(rms(normal.wav()) > 500, "audible");
        assertTrue(fast.length().toMillis() < normal.length().toMillis() * 0.85, normal + " vs " + fast);
    }

    @Test
    void scriptTextCannotInjectOptionsOrCommands() throws Exception {
        assumeInstalled("espeak-ng");
        assumeInstalled("flite");
        Path marker = tmp.resolve("pwned");
        String hostile = "--help -w /tmp/x $(touch " + marker + ") `touch " + marker + "`; touch " + marker + " \"quoted\"";
        Speech e = new EspeakNg().synthesize(hostile, "en", VoiceSettings.DEFAULT, tmp.resolve("e.wav"), TIMEOUT);
        Speech f = new Flite().synthesize(hostile, "en", VoiceSettings.DEFAULT, tmp.resolve("f.wav"), TIMEOUT);
        assertFalse(Files.exists(marker), "no shell ran the text");
        assertTrue(e.length().toMillis() > 2000, "the text was spoken, not taken as options");
        assertTrue(f.length().toMillis() > 2000);
    }

    @Test
    void runawayEngineIsKilledAtItsTimeout() {
        assumeInstalled("espeak-ng");
        String novel = "This sentence goes on and on. ".repeat(4000);
        EngineException e = assertThrows(EngineException.class, () -> new EspeakNg().synthesize(novel, "en",
                VoiceSettings.DEFAULT, tmp.resolve("long.wav"), Duration.ofMillis(300)));
        assertEquals("espeak-ng timed out after 300 ms", e.getMessage());
    }

    @Test
    void aFailingEngineSaysInTheErrorWhatItPrinted() throws Exception {
        assumeInstalled("espeak-ng");
        Path wav = tmp.resolve("v.wav");
        EngineException e = assertThrows(EngineException.class, () -> new EspeakNg().synthesize("Hola", "es",
                new VoiceSettings(Optional.of("nosuchvoice"), 100, 100), wav, TIMEOUT));
        assertTrue(e.getMessage().startsWith("espeak-ng failed (exit 1): "), e.getMessage());
        assertTrue(e.getMessage().contains("voice does not exist"), "espeak-ng's own words: " + e.getMessage());
        try (var left = Files.list(tmp)) {
            assertEquals(java.util.List.of(), left.toList(), "neither a WAV nor the engine's error file is left");
        }
    }

    @Test
    void artifactsNameBinaryAndVoiceData() throws Exception {
        assumeInstalled("espeak-ng");
        assumeInstalled("flite");
        var espeak = new EspeakNg().artifacts();
        assertTrue(espeak.get(0).toString().endsWith("espeak-ng"), espeak.toString());
        assertTrue(espeak.stream().anyMatch(p -> p.toString().endsWith("espeak-ng-data")), espeak.toString());
        var flite = new Flite().artifacts();
        assertTrue(flite.stream().anyMatch(p -> p.getFileName().toString().startsWith("libflite_cmu_us_slt")), flite.toString());
        assertFalse(new EspeakNg().version().isBlank());
        assertTrue(new Flite().version().startsWith("flite-"), new Flite().version());
    }

    @Test
    void settingsAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new VoiceSettings(Optional.empty(), 20, 100));
        assertThrows(IllegalArgumentException.class, () -> new VoiceSettings(Optional.empty(), 100, 500));
        assertThrows(IllegalArgumentException.class, () -> new VoiceSettings(Optional.of("en; rm -rf"), 100, 100));
    }

    static double rms(Path wav) throws Exception {
        return PcmWav.rms(Files.readAllBytes(wav));
    }
}
