package org.dubgate.media.qa;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The signal figures on real flite and espeak-ng lines, clean and damaged on purpose. */
class LineAuditTest {

    private static final List<String> ENGLISH = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Where were you last night? I waited for hours at the station, and nobody came to tell me why.",
            "Lay white by s zero again, and then place red with p nine please, soon.");
    private static final List<String> SPANISH = List.of(
            "¿Dónde estabas anoche, Ana? Te esperé en la estación durante horas, pero nunca llegaste.",
            "El perro corre por el parque, y los niños juegan con la pelota.",
            "Tengo que decirte algo importante antes de que sea demasiado tarde.");
    private static final Map<String, String> OTHERS = Map.of(
            "fr", "Je t'ai attendu pendant des heures à la gare, mais personne n'est venu.",
            "de", "Ich habe stundenlang am Bahnhof gewartet, aber niemand ist gekommen.",
            "pt-br", "Esperei por horas na estação, mas ninguém apareceu para me dizer nada.",
            "it", "Ti ho aspettato per ore alla stazione, ma nessuno è venuto.",
            "en", "Please pass the salt and pepper to your brother, it tastes a bit plain.");

    @TempDir
    Path tmp;

    private final LineAudit audit = new LineAudit();

    @Test
    void cleanFliteLinesHaveNoClippingSilenceOrDropouts() throws Exception {
        for (int i = 0; i < ENGLISH.size(); i++) {
            LineFigures f = audit.audit(Lines.flite(ENGLISH.get(i), tmp.resolve("en" + i + ".wav")));
            System.out.println("flite: " + f);
            assertFalse(f.silent() || f.empty(), f.toString());
            assertEquals(0, f.clippedRuns(), f.toString());
            assertEquals(List.of(), f.dropouts(), f.toString());
            assertEquals(16_000, f.sampleRate());
            assertTrue(f.durationSeconds() > 1.5 && f.durationSeconds() < 10, f.toString());
            assertTrue(f.peakDbfs() < 0 && f.peakDbfs() > -20, f.toString());
            assertTrue(f.activeLevelDbfs() > f.rmsDbfs() && f.activeLevelDbfs() < f.peakDbfs(), "pauses dilute only the plain RMS");
        }
    }

    /** eSpeak NG writes exact zeros for stop closures, right after loud speech: none may count as a dropout. */
    @Test
    void cleanEspeakLinesHaveNoDropoutsThoughTheyHoldDigitalSilence() throws Exception {
        for (String language : List.of("es", "es-419")) {
            for (int i = 0; i < SPANISH.size(); i++) {
                assertCleanEspeak(SPANISH.get(i), language);
            }
        }
        for (Map.Entry<String, String> line : OTHERS.entrySet()) {
            assertCleanEspeak(line.getValue(), line.getKey());
        }
    }

    private void assertCleanEspeak(String text, String language) throws Exception {
        Path wav = Lines.espeak(text, language, tmp.resolve(language + Integer.toHexString(text.hashCode()) + ".wav"));
        LineFigures f = audit.audit(wav);
        System.out.println("espeak-ng " + language + ": " + f);
        assertEquals(List.of(), f.dropouts(), f.toString());
        assertEquals(0, f.clippedRuns(), f.toString());
        assertFalse(f.silent(), f.toString());
        assertTrue(longestZeroRun(Lines.read(wav).samples()) > 0.02 * f.sampleRate(),
                "the line does have gaps of digital silence longer than a dropout's minimum");
    }

    @Test
    void aBlockZeroedInTheMiddleOfAWordIsOneDropoutAtItsTime() throws Exception {
        assertOneDropout(Lines.read(Lines.flite(ENGLISH.get(0), tmp.resolve("fox.wav"))), "flite");
        assertOneDropout(Lines.read(Lines.espeak(SPANISH.get(1), "es", tmp.resolve("perro.wav"))), "espeak-ng");
    }

    private void assertOneDropout(Lines.Pcm clean, String engine) throws Exception {
        short[] s = clean.samples().clone();
        int block = clean.rate() / 20; // 50 ms
        int start = Lines.loudest(s, 2 * block) + block / 2;
        Arrays.fill(s, start, start + block, (short) 0);
        LineFigures f = audit.audit(Lines.write(new Lines.Pcm(s, clean.rate()), tmp.resolve(engine + "-zeroed.wav")));
        System.out.println(engine + " zeroed at " + (double) start / clean.rate() + " s: " + f.dropouts());
        assertEquals(1, f.dropouts().size(), f.toString());
        Dropout d = f.dropouts().get(0);
        assertEquals((double) start / clean.rate(), d.startSeconds(), 0.001);
        assertEquals(0.050, d.lengthSeconds(), 0.002);
        assertEquals(0, f.clippedRuns());
    }

    @Test
    void aLineAmplifiedPastFullScaleHasClippedRuns() throws Exception {
        Lines.Pcm clean = Lines.read(Lines.flite(ENGLISH.get(1), tmp.resolve("line.wav")));
        short[] s = clean.samples().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.max(-32768, Math.min(32767, s[i] * 8));
        }
        LineFigures f = audit.audit(Lines.write(new Lines.Pcm(s, clean.rate()), tmp.resolve("loud.wav")));
        System.out.println("amplified x8: " + f.clippedRuns() + " clipped runs, longest " + f.longestClippedRun()
                + ", peak " + f.peakDbfs());
        assertTrue(f.clippedRuns() > 10, f.toString());
        assertTrue(f.longestClippedRun() >= 3, f.toString());
        assertEquals(0, f.peakDbfs(), 0.01);
        assertEquals(List.of(), f.dropouts());
    }

    @Test
    void theClippedRunLengthIsASetting() throws Exception {
        short[] s = new short[1600];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (8000 * Math.sin(i * 0.3));
        }
        Arrays.fill(s, 100, 102, Short.MAX_VALUE);     // 2 samples: not a run at the default 3
        Arrays.fill(s, 400, 405, Short.MIN_VALUE);     // 5 samples
        Arrays.fill(s, 800, 803, (short) 32740);       // 3 samples, 0.0024 dB below full scale: within the margin
        Path wav = Lines.write(new Lines.Pcm(s, 16_000), tmp.resolve("runs.wav"));
        LineFigures byDefault = audit.audit(wav);
        assertEquals(2, byDefault.clippedRuns(), byDefault.toString());
        assertEquals(5, byDefault.longestClippedRun());
        LineFigures two = new LineAudit(LineAudit.Settings.DEFAULT.withClipRunSamples(2)).audit(wav);
        assertEquals(3, two.clippedRuns(), two.toString());
    }

    @Test
    void anAllZeroLineIsSilentAndAHeaderWithNoSamplesIsEmpty() throws Exception {
        LineFigures zero = audit.audit(Lines.write(new Lines.Pcm(new short[16_000], 16_000), tmp.resolve("zero.wav")));
        assertTrue(zero.silent());
        assertFalse(zero.empty());
        assertEquals(1.0, zero.durationSeconds(), 1e-9);
        assertEquals(Double.NEGATIVE_INFINITY, zero.peakDbfs());
        assertEquals(Double.NEGATIVE_INFINITY, zero.activeLevelDbfs());
        assertEquals(List.of(), zero.dropouts());

        Path header = Lines.write(new Lines.Pcm(new short[0], 22_050), tmp.resolve("header.wav"));
        assertEquals(44, Files.size(header));
        LineFigures empty = audit.audit(header);
        assertTrue(empty.empty());
        assertTrue(empty.silent());
        assertEquals(0, empty.frames());
        assertEquals(0.0, empty.durationSeconds());
    }

    @Test
    void aQuietButAudibleLineIsNotSilent() throws Exception {
        Lines.Pcm clean = Lines.read(Lines.flite(ENGLISH.get(0), tmp.resolve("q.wav")));
        short[] s = clean.samples().clone();
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (s[i] / 300); // about −50 dB
        }
        LineFigures f = audit.audit(Lines.write(new Lines.Pcm(s, clean.rate()), tmp.resolve("quiet.wav")));
        assertFalse(f.silent(), f.toString());
        assertTrue(f.peakDbfs() < -40, f.toString());
    }

    @Test
    void aFileThatIsNotAudioIsRefusedByName() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.wav"), "not audio at all");
        QaException e = assertThrows(QaException.class, () -> audit.audit(text));
        assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());
    }

    private static int longestZeroRun(short[] s) {
        int longest = 0;
        int run = 0;
        for (short v : s) {
            run = Math.abs(v) <= 1 ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
