package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;
import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessMeter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.dubgate.media.mix.DialogueStemTest.read24;
import static org.junit.jupiter.api.Assertions.*;

/** Lines of generated tone and noise rendered through the real stem, levelling, limiter and mix, then measured. */
class LanguageMixLoudnessTest {

    private static final int RATE = 48_000;
    private static final Duration LENGTH = Duration.ofSeconds(8);
    private static final LoudnessTarget TARGET = LoudnessTarget.STREAMING; // −27 LUFS ±2, −2 dBTP

    @TempDir
    Path tmp;

    private final LoudnessMeter meter = new LoudnessMeter();

    private static IntToDoubleFunction tone(double hz) {
        return i -> Math.sin(2 * Math.PI * hz * i / RATE);
    }

    /** Gaussian noise within ±1 (a 4σ crest), the same sample for the same index however often it is read. */
    private static IntToDoubleFunction noise(long seed) {
        Random random = new Random(seed);
        double[] v = new double[(int) (LENGTH.toMillis() * RATE / 1000)];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(-4, Math.min(4, random.nextGaussian())) / 4;
        }
        return i -> v[i];
    }

    /** 16-bit mono WAV of {@code seconds} of {@code signal} × {@code scale}. */
    private Path write(String name, IntToDoubleFunction signal, double seconds, double scale) throws Exception {
        short[] s = new short[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) Math.round(Math.max(-1, Math.min(1, scale * signal.applyAsDouble(i))) * 32767);
        }
        return TestMedia.wav(tmp.resolve(name), RATE, 1, s);
    }

    /** A line file whose own integrated loudness is {@code lufs}: written, measured, and written again at the right scale. */
    private Path line(String name, IntToDoubleFunction signal, double seconds, double lufs) throws Exception {
        double measured = meter.measure(write(name, signal, seconds, 0.1)).integratedLufs();
        return write(name, signal, seconds, 0.1 * Math.pow(10, (lufs - measured) / 20));
    }

    /** A stereo bed: {@code signal} at {@code scale} on both channels for the whole programme. */
    private Path stereo(String name, IntToDoubleFunction left, IntToDoubleFunction right, double scale) throws Exception {
        int frames = (int) (LENGTH.toMillis() * RATE / 1000);
        short[] s = new short[frames * 2];
        for (int i = 0; i < frames; i++) {
            s[2 * i] = (short) Math.round(scale * left.applyAsDouble(i) * 32767);
            s[2 * i + 1] = (short) Math.round(scale * right.applyAsDouble(i) * 32767);
        }
        return TestMedia.wav(tmp.resolve(name), RATE, 2, s);
    }

    private static Span span(double from, double to) {
        return new Span(Duration.ofMillis(Math.round(from * 1000)), Duration.ofMillis(Math.round(to * 1000)));
    }

    private static DialogueStem.Line at(Path audio, double seconds) {
        return new DialogueStem.Line(audio, Duration.ofMillis(Math.round(seconds * 1000)), 1.0);
    }

    private double gated(Path file, List<Span> spans) throws Exception {
        return meter.measure(file, spans).dialogueGated().orElseThrow().integratedLufs();
    }

    private static void assertLength(Path wav, int channels) throws Exception {
        assertEquals(8 * RATE * channels, read24(wav, channels).length, wav.getFileName() + ": the programme's length");
    }

    @Test
    void quietLinesAreBroughtToTheTarget() throws Exception {
        List<DialogueStem.Line> lines = List.of(at(line("tone.wav", tone(440), 2, -40), 1),
                at(line("noise.wav", noise(1), 2, -40), 4.5));
        List<Span> spans = List.of(span(1, 3), span(4.5, 6.5));
        Path mne = stereo("mne.wav", noise(2), noise(3), 0.003);
        Path stem = tmp.resolve("stem.wav");
        Path mix = tmp.resolve("mix.wav");
        ProgrammeMix.Result r = new LanguageMix(mne, Optional.of(mne), LENGTH, lines, List.of(), spans)
                .withTarget(TARGET).render(stem, mix);

        DialogueLevel level = r.dialogue().orElseThrow();
        assertEquals(LoudnessTarget.Mode.FIXED, level.mode());
        assertEquals(Optional.empty(), level.fallback());
        assertEquals(-40, level.beforeLufs(), 0.3, "the lines as rendered");
        assertEquals(13, level.gainDb(), 0.3);
        assertEquals(-27, level.afterLufs(), 0.5);
        assertTrue(level.withinTolerance());
        assertFalse(level.limiter().engaged(), "nothing near the ceiling: " + level.limiter());
        double measured = gated(stem, spans);
        assertEquals(-27, measured, 0.5, "the written stem, measured on its own");
        assertEquals(level.afterLufs(), measured, 0.05, "what the result says is what the file holds");
        assertLength(stem, 1);
        assertLength(mix, 2);
        assertTrue(meter.measure(mix).truePeakDbtp() <= TARGET.truePeakDbtp());
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.toString().contains(".unlevelled.")), "the scratch stem is gone");
        }
    }

    @Test
    void aLineThatWouldPeakOverTheCeilingIsLimitedThereOnly() throws Exception {
        Path quiet = line("quiet.wav", tone(330), 3, -40);
        // a 3 ms burst at -12 dBFS inside a -40 LUFS line: the +13 dB that brings the line up puts it over -2 dBTP
        short[] loud = new short[2 * RATE];
        int burst = RATE;
        for (int i = 0; i < loud.length; i++) {
            double a = i >= burst && i < burst + 144 ? 0.25 : 0.0125;
            loud[i] = (short) Math.round(a * Math.sin(2 * Math.PI * 1_000 * i / RATE) * 32767);
        }
        Path burstLine = TestMedia.wav(tmp.resolve("burst.wav"), RATE, 1, loud);
        List<DialogueStem.Line> lines = List.of(at(quiet, 0.5), at(burstLine, 5));
        List<Span> spans = List.of(span(0.5, 3.5), span(5, 7));
        Path bed = stereo("bed.wav", noise(4), noise(5), 0.001);
        Path stem = tmp.resolve("stem.wav");
        ProgrammeMix.Result r = new LanguageMix(bed, Optional.of(bed), LENGTH, lines, List.of(), spans)
                .withTarget(TARGET).render(stem, tmp.resolve("mix.wav"));
        DialogueLevel level = r.dialogue().orElseThrow();
        assertTrue(-12 + level.gainDb() > TARGET.truePeakDbtp() + 1, "the burst would go over: gain " + level.gainDb());

        Loudness written = meter.measure(stem, spans);
        assertTrue(written.truePeakDbtp() <= TARGET.truePeakDbtp(), "true peak " + written.truePeakDbtp());
        assertTrue(level.limiter().engaged());
        assertTrue(level.limiter().maxGainReductionDb() > 1, "" + level.limiter());
        assertTrue(level.limiter().framesReduced() < RATE, "only around the burst: " + level.limiter());
        // the burst counts in the gated loudness, so limiting it costs a few tenths of an LU: still within ±2
        assertTrue(level.withinTolerance(), "" + level);
        assertEquals(level.afterLufs(), written.dialogueGated().orElseThrow().integratedLufs(), 0.05);

        // the same stem unlevelled, times the reported gain, is what the quiet line must be to the 24-bit LSB
        Path plain = tmp.resolve("plain.wav");
        DialogueStem.render(lines, LENGTH, plain);
        int[] before = read24(plain);
        int[] after = read24(stem);
        assertEquals(before.length, after.length);
        double gain = Math.pow(10, level.gainDb() / 20);
        for (int i = RATE / 2; i < (int) (3.5 * RATE); i++) {
            assertEquals(before[i] * gain, after[i], 1.0, "the quiet line is only gained, at sample " + i);
        }
        int crest = 5 * RATE + burst + 60;
        assertTrue(Math.abs(after[crest]) < Math.abs(before[crest]) * gain * 0.9, "the burst is limited");
    }

    @Test
    void theDialogueIsAimedSoThatTheMixOverTheCuesMeetsTheTargetWithTheBedSoundingToo() throws Exception {
        List<DialogueStem.Line> lines = List.of(at(line("a.wav", noise(11), 2, -40), 1), at(line("b.wav", tone(700), 2, -36), 4));
        List<Span> cues = List.of(span(1, 3), span(4, 6));
        Path mne = stereo("mne.wav", noise(12), noise(13), 0.065); // a bed about 3 LU under the target over the cues
        double bed = gated(mne, cues);
        assertTrue(bed > TARGET.dialogueLufs() - 6 && bed < TARGET.dialogueLufs() - 1, "bed over the cues " + bed);
        Path stem = tmp.resolve("stem.wav");
        Path mix = tmp.resolve("mix.wav");
        ProgrammeMix.Result r = new LanguageMix(mne, Optional.of(mne), LENGTH, lines, List.of(), cues)
                .withTarget(TARGET, cues).render(stem, mix);
        double mixed = gated(mix, cues);
        assertEquals(TARGET.dialogueLufs(), mixed, 0.5, "the mix, bed and dialogue, meets the target over the cues");
        assertTrue(gated(stem, cues) < TARGET.dialogueLufs() - 1, "so the dialogue alone sits under it: "
                + r.dialogue().orElseThrow());
    }

    @Test
    void theFullMixOverALoudStereoBedStaysUnderTheCeiling() throws Exception {
        List<DialogueStem.Line> lines = List.of(at(line("tone.wav", tone(500), 3, -35), 2));
        List<Span> spans = List.of(span(2, 5));
        Path mne = stereo("loud-mne.wav", tone(220), noise(6), 0.85); // -1.4 dBFS peaks on their own
        Path stem = tmp.resolve("stem.wav");
        Path mix = tmp.resolve("mix.wav");
        ProgrammeMix.Result r = new LanguageMix(mne, Optional.of(mne), LENGTH, lines, List.of(), spans)
                .withTarget(TARGET).render(stem, mix);
        Loudness m = meter.measure(mix);
        assertTrue(m.truePeakDbtp() <= TARGET.truePeakDbtp(), "full mix true peak " + m.truePeakDbtp());
        assertTrue(m.truePeakDbtp() > TARGET.truePeakDbtp() - 1, "limited, not turned down: " + m.truePeakDbtp());
        assertTrue(r.limiter().engaged(), "the mix's limiter: " + r.limiter());
        assertEquals("dialogue over M&E", r.method());
        assertLength(stem, 1);
        assertLength(mix, 2);
    }

    @Test
    void matchingTheOriginalReachesItsDialogueLevel() throws Exception {
        List<Span> spans = List.of(span(1, 3), span(4, 6.5));
        // the original: its dialogue (a 250 Hz tone) in the cues over a quiet bed
        IntToDoubleFunction noiseBed = noise(7);
        IntToDoubleFunction original = i -> {
            double t = i / (double) RATE;
            boolean speaking = t >= 1 && t < 3 || t >= 4 && t < 6.5;
            return 0.01 * noiseBed.applyAsDouble(i) + (speaking ? 0.2 * Math.sin(2 * Math.PI * 250 * t) : 0);
        };
        Path source = stereo("original.wav", original, original, 1.0);
        double originalLevel = gated(source, spans);
        List<DialogueStem.Line> lines = List.of(at(line("a.wav", noise(8), 2, -40), 1),
                at(line("b.wav", tone(600), 2.5, -38), 4));
        Path stem = tmp.resolve("stem.wav");
        Path mix = tmp.resolve("mix.wav");
        ProgrammeMix.Result r = new LanguageMix(source, Optional.empty(), LENGTH, lines, List.of(), spans)
                .withTarget(TARGET.matchingOriginal()).render(stem, mix);
        DialogueLevel level = r.dialogue().orElseThrow();
        assertEquals(LoudnessTarget.Mode.MATCH_ORIGINAL, level.mode());
        // the stem is aimed a little under the original: the ducked original under it adds its share
        assertTrue(level.aimLufs() <= originalLevel && level.aimLufs() > originalLevel - 0.5, level.toString());
        assertTrue(Math.abs(originalLevel - TARGET.dialogueLufs()) > 5, "far from the fixed level: " + originalLevel);
        assertEquals(originalLevel, gated(stem, spans), 0.5, "the dub speaks as loud as the original did");
        assertEquals(originalLevel, gated(mix, spans), 0.5, "and the mix over the cues is as loud as the original");
        assertEquals(Optional.of(ProgrammeMix.Flag.NO_MNE_ORIGINAL_AUDIBLE), r.flag());
        assertLength(stem, 1);
        assertLength(mix, 2);
    }

    @Test
    void anOriginalSilentOverTheCuesFallsBackToTheFixedLevel() throws Exception {
        List<Span> spans = List.of(span(1, 3));
        Path source = stereo("silent.wav", i -> 0, i -> 0, 0);
        Path stem = tmp.resolve("stem.wav");
        ProgrammeMix.Result r = new LanguageMix(source, Optional.empty(), LENGTH,
                List.of(at(line("a.wav", tone(440), 2, -40), 1)), List.of(), spans)
                .withTarget(TARGET.matchingOriginal()).render(stem, tmp.resolve("mix.wav"));
        DialogueLevel level = r.dialogue().orElseThrow();
        assertEquals(LoudnessTarget.Mode.FIXED, level.mode());
        assertTrue(level.fallback().orElseThrow().contains("silent"), level.fallback().get());
        assertEquals(-27, gated(stem, spans), 0.5);
    }

    @Test
    void withoutATargetTheStemIsWrittenAsRendered() throws Exception {
        Path a = line("a.wav", tone(440), 1, -40);
        Path bed = stereo("bed.wav", noise(9), noise(10), 0.01);
        Path stem = tmp.resolve("stem.wav");
        ProgrammeMix.Result r = new LanguageMix(bed, Optional.of(bed), LENGTH, List.of(at(a, 1)), List.of(),
                List.of(span(1, 2))).render(stem, tmp.resolve("mix.wav"));
        assertEquals(Optional.empty(), r.dialogue());
        assertFalse(r.limiter().engaged());
        assertEquals(-40, gated(stem, List.of(span(1, 2))), 0.3);
    }

    /** Guards the test files themselves: a line written at −40 LUFS measures so. */
    @Test
    void theGeneratedLinesMeasureWhatTheyWereMadeFor() throws Exception {
        List<Path> made = new ArrayList<>(List.of(line("t.wav", tone(440), 2, -40), line("n.wav", noise(1), 2, -40)));
        for (Path p : made) {
            assertEquals(-40, meter.measure(p).integratedLufs(), 0.1, p.getFileName().toString());
        }
    }

    @Test
    void aKeptGainChangesTheMixOnlyWhereALineChanged() throws Exception {
        Path first = line("first.wav", tone(440), 2, -40);
        List<Span> spans = List.of(span(1, 3), span(4.5, 6.5));
        Path bed = stereo("bed.wav", noise(6), noise(7), 0.003);
        Path stemA = tmp.resolve("a-stem.wav");
        Path mixA = tmp.resolve("a-mix.wav");
        ProgrammeMix.Result a = new LanguageMix(bed, Optional.of(bed), LENGTH, List.of(at(first, 1),
                at(line("second.wav", noise(1), 2, -40), 4.5)), List.of(), spans).withTarget(TARGET).render(stemA, mixA);
        double gain = a.dialogue().orElseThrow().gainDb();
        // the second line made again, 6 dB louder: levelled anew, every sample of the mix would move
        Path stemB = tmp.resolve("b-stem.wav");
        Path mixB = tmp.resolve("b-mix.wav");
        ProgrammeMix.Result b = new LanguageMix(bed, Optional.of(bed), LENGTH, List.of(at(first, 1),
                at(line("again.wav", noise(9), 2, -34), 4.5)), List.of(), spans).withTarget(TARGET.keepingGain(gain))
                .render(stemB, mixB);
        assertEquals(gain, b.dialogue().orElseThrow().gainDb(), 1e-12, "the gain kept as it was");
        assertTrue(b.dialogue().orElseThrow().fallback().orElseThrow().contains("kept"));
        int[] before = read24(mixA, 2);
        int[] after = read24(mixB, 2);
        assertEquals(before.length, after.length);
        int firstChanged = -1;
        int lastChanged = -1;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                firstChanged = firstChanged < 0 ? i : firstChanged;
                lastChanged = i;
            }
        }
        double from = firstChanged / 2 / (double) RATE;
        double to = lastChanged / 2 / (double) RATE;
        assertTrue(firstChanged >= 0, "the new line is heard");
        assertTrue(from >= 4.5 - 0.05 && to <= 6.5 + 0.5, "changed only over the line made again (and the "
                + "limiter's release after it): " + from + " .. " + to + " s");
    }
}
