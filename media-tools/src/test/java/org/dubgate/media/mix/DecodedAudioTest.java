package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;
import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessMeter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sources decoded once ({@link DecodedAudio}, {@link PcmReader#ofSource}): what is read back is the
 * decoder's own samples, bit for bit, in either form; a reader that stops at the programme's end still
 * leaves a whole decoding; nothing over the limit is kept; the least recently read goes first; a killed
 * writer's half file is removed. {@code StemDigestTest} pins whole mixes made with sources kept.
 */
class DecodedAudioTest {

    private static final int SECONDS = 3;

    @TempDir
    Path tmp;

    @AfterEach
    void off() {
        DecodedAudio.off();
    }

    private Path noise(String name, int rate, long seed) throws Exception {
        Random random = new Random(seed);
        short[] s = new short[SECONDS * rate * 2];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (random.nextGaussian() * 4000);
        }
        return TestMedia.wav(tmp.resolve(name), rate, 2, s);
    }

    /** Every frame the reader gives (until {@code frames}), as the mix reads them. */
    private static float[] read(PcmReader reader, int frames) throws Exception {
        float[] all = new float[frames * 2];
        try (reader) {
            int real = reader.read(all, frames);
            assertTrue(real > 0);
        }
        return all;
    }

    private Path folder() {
        return tmp.resolve("decoded");
    }

    private List<String> kept() throws Exception {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whatIsReadBackIsTheDecodersOwnSamplesIn16BitStepsOrFloat() throws Exception {
        for (int rate : new int[]{48_000, 44_100}) {
            Path source = noise("noise-" + rate + ".wav", rate, rate);
            int frames = SECONDS * DialogueStem.RATE + 500; // past the end: silence, as from the decoder
            float[] decoded = read(new PcmReader(source, "stereo", 2), frames);

            DecodedAudio.keepIn(folder(), 1L << 30);
            assertArrayEquals(decoded, read(PcmReader.ofSource(source, "stereo", 2), frames), "while keeping");
            List<String> kept = kept();
            assertEquals(1, kept.size(), kept.toString());
            String suffix = rate == DialogueStem.RATE ? ".s16" : ".f32";
            assertTrue(kept.get(0).endsWith(suffix), "48 kHz decodes to 16-bit steps, 44.1 kHz is resampled: " + kept);
            long bytes = Files.size(folder().resolve(kept.get(0)));
            int width = rate == DialogueStem.RATE ? 2 : 4;
            assertEquals(0, bytes % (2 * width), "whole frames");
            assertEquals(SECONDS * DialogueStem.RATE, bytes / (2 * width), rate == DialogueStem.RATE ? 0 : 100,
                    "every decoded frame kept");
            assertArrayEquals(decoded, read(PcmReader.ofSource(source, "stereo", 2), frames), "read back");

            // proof that the second reader read the kept file, not the source: change what is kept
            Path file = folder().resolve(kept.get(0));
            Files.write(file, new byte[(int) Files.size(file)]);
            float[] zeros = read(PcmReader.ofSource(source, "stereo", 2), frames);
            assertEquals(0f, max(zeros), "the kept samples were read");
            DecodedAudio.off();
            Files.delete(file);
        }
    }

    @Test
    void aReaderStoppingAtTheProgrammesEndStillLeavesAWholeDecoding() throws Exception {
        Path source = noise("noise.wav", 48_000, 7);
        DecodedAudio.keepIn(folder(), 1L << 30);
        float[] firstSecond = read(PcmReader.ofSource(source, "stereo", 2), DialogueStem.RATE);
        assertEquals(1, kept().size(), "the other two seconds decoded at close to complete it");
        assertEquals((long) SECONDS * DialogueStem.RATE * 2 * 2, Files.size(folder().resolve(kept().get(0))));
        DecodedAudio.off();
        assertArrayEquals(firstSecond, read(new PcmReader(source, "stereo", 2), DialogueStem.RATE));
    }

    @Test
    void nothingOverTheLimitIsKeptAndTheSourceIsStillRead() throws Exception {
        Path source = noise("noise.wav", 48_000, 8);
        float[] decoded = read(new PcmReader(source, "stereo", 2), SECONDS * DialogueStem.RATE);
        DecodedAudio.keepIn(folder(), 100_000); // 3 s of stereo 16-bit is 576,000 bytes
        assertArrayEquals(decoded, read(PcmReader.ofSource(source, "stereo", 2), SECONDS * DialogueStem.RATE));
        assertEquals(List.of(), kept());
    }

    @Test
    void pastTheLimitTheLeastRecentlyReadGoesFirst() throws Exception {
        Path a = noise("a.wav", 48_000, 1);
        Path b = noise("b.wav", 48_000, 2);
        DecodedAudio.keepIn(folder(), 1_000_000); // one of them fits (576,000 bytes each)
        read(PcmReader.ofSource(a, "stereo", 2), SECONDS * DialogueStem.RATE);
        List<String> onlyA = kept();
        Thread.sleep(20); // modification times a few milliseconds apart
        read(PcmReader.ofSource(b, "stereo", 2), SECONDS * DialogueStem.RATE);
        List<String> onlyB = kept();
        assertEquals(1, onlyA.size());
        assertEquals(1, onlyB.size());
        assertNotEquals(onlyA, onlyB, "a was removed for b");
    }

    @Test
    void aSourceAboutToBeDeletedIsForgotten() throws Exception {
        Path source = noise("noise.wav", 48_000, 10);
        DecodedAudio.keepIn(folder(), 1L << 30);
        read(PcmReader.ofSource(source, "stereo", 2), DialogueStem.RATE);
        assertEquals(1, kept().size());
        DecodedAudio.forget(source, "stereo", 2);
        assertEquals(List.of(), kept());
    }

    @Test
    void aKilledWritersHalfFileIsRemovedWhenKeepingStarts() throws Exception {
        Files.createDirectories(folder());
        Path half = Files.write(folder().resolve("0123.5e1f.part"), new byte[1000]);
        DecodedAudio.keepIn(folder(), 1L << 30);
        assertFalse(Files.exists(half));
    }

    @Test
    void theOriginalsLevelsAreTheMetersOwnWhetherReadBackOrNot() throws Exception {
        Path source = noise("noise.wav", 48_000, 9);
        List<Span> cues = List.of(new Span(Duration.ofMillis(200), Duration.ofMillis(2600)));
        Loudness meter = new LoudnessMeter().levels(source, cues);
        DecodedAudio.keepIn(folder(), 1L << 30);
        assertEquals(meter, ProgrammeMix.originalLevels(source, cues), "decoded and kept");
        assertEquals(meter, ProgrammeMix.originalLevels(source, cues), "read back");
        assertEquals(1, kept().size());
    }

    private static float max(float[] samples) {
        float m = 0;
        for (float v : samples) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
