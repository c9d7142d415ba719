package org.dubgate.media.mix;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.dubgate.media.mix.DialogueStemTest.read24;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A language's delivered stem and mix say in their RIFF INFO chunk that they hold AI-generated dialogue
 * and name the manifest (R7), read back by FFmpeg and by walking the chunks by hand, with the samples
 * exactly those of the same mix made without it.
 */
class WavDisclosureTest {

    private static final int RATE = 48_000;
    private static final Duration LENGTH = Duration.ofSeconds(3);
    private static final Disclosure DISCLOSURE = Disclosure.aiDialogue("manifest.json",
            "Spanish dub (AI-generated dialogue)");

    @TempDir
    Path tmp;

    /** One chunk of a RIFF file: its id, where its body starts, and its declared size. */
    record Chunk(String id, int body, long size) {
    }

    /** The top-level chunks after {@code RIFF....WAVE} (or RF64), in file order. */
    static List<Chunk> chunks(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertTrue(List.of("RIFF", "RF64").contains(new String(bytes, 0, 4, StandardCharsets.US_ASCII)));
        assertEquals("WAVE", new String(bytes, 8, 4, StandardCharsets.US_ASCII));
        List<Chunk> chunks = new ArrayList<>();
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            chunks.add(new Chunk(id, pos + 8, size));
            if (id.equals("data")) {
                break; // the samples run to the end here (an RF64 data chunk declares 0xFFFFFFFF)
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        return chunks;
    }

    /** The tags of the {@code LIST} chunk of form type {@code INFO}: ICMT, INAM…, each text up to its NUL. */
    static Map<String, String> info(byte[] bytes) {
        Map<String, String> tags = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (Chunk c : chunks(bytes)) {
            if (!c.id().equals("LIST") || !new String(bytes, c.body(), 4, StandardCharsets.US_ASCII).equals("INFO")) {
                continue;
            }
            int pos = c.body() + 4;
            int end = c.body() + (int) c.size();
            while (pos + 8 <= end) {
                String id = new String(bytes, pos, 4, StandardCharsets.US_ASCII);
                int size = b.getInt(pos + 4);
                int n = 0;
                while (n < size && bytes[pos + 8 + n] != 0) {
                    n++;
                }
                tags.put(id, new String(bytes, pos + 8, n, StandardCharsets.UTF_8));
                pos += 8 + size + (size & 1);
            }
        }
        return tags;
    }

    private static Map<String, String> ffmpegMetadata(Path wav) throws Exception {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(wav.toFile())) {
            g.start();
            return g.getMetadata();
        }
    }

    /** A quiet 440 Hz line a second long at 1 s, over a faint stereo bed: a language's mix in miniature. */
    private LanguageMix mix() throws Exception {
        short[] tone = new short[RATE];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(600 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        Path line = TestMedia.wav(tmp.resolve("line.wav"), RATE, 1, tone);
        short[] bed = new short[3 * RATE * 2];
        for (int i = 0; i < bed.length; i++) {
            bed[i] = (short) (SpanExcerptTest.noise(i, 0) / 40);
        }
        Path mne = TestMedia.wav(tmp.resolve("mne.wav"), RATE, 2, bed);
        Span cue = new Span(Duration.ofSeconds(1), Duration.ofSeconds(2));
        return new LanguageMix(mne, Optional.of(mne), LENGTH, List.of(new DialogueStem.Line(line, Duration.ofSeconds(1),
                1.0)), List.of(), List.of(cue));
    }

    /** Renders {@code plain} and the same mix with the disclosure; both files of each, compared. */
    private void assertDisclosedAndUnchanged(LanguageMix plain) throws Exception {
        Path stem = tmp.resolve("stem.wav");
        Path full = tmp.resolve("mix.wav");
        ProgrammeMix.Result plainResult = plain.render(stem, full);
        Path disclosedStem = tmp.resolve("stem-disclosed.wav");
        Path disclosedFull = tmp.resolve("mix-disclosed.wav");
        ProgrammeMix.Result disclosedResult = plain.withDisclosure(DISCLOSURE).render(disclosedStem, disclosedFull);
        // what the result says was written is what the files hold, so storage need not read them again
        assertEquals(FileDigest.of(stem), plainResult.stem());
        assertEquals(FileDigest.of(full), plainResult.mix());
        assertEquals(FileDigest.of(disclosedStem), disclosedResult.stem());
        assertEquals(FileDigest.of(disclosedFull), disclosedResult.mix());
        assertNotEquals(plainResult.stem(), disclosedResult.stem(), "the disclosure is in the file");

        record Pair(Path without, Path with, int channels) {
        }
        for (Pair pair : List.of(new Pair(stem, disclosedStem, 1), new Pair(full, disclosedFull, 2))) {
            Path without = pair.without();
            Path with = pair.with();
            int channels = pair.channels();
            Map<String, String> meta = ffmpegMetadata(with);
            assertEquals(DISCLOSURE.comment(), meta.get("comment"), with.getFileName() + " as FFmpeg reads it");
            assertEquals(DISCLOSURE.title(), meta.get("title"));
            Map<String, String> info = info(Files.readAllBytes(with));
            assertEquals(DISCLOSURE.comment(), info.get("ICMT"), with.getFileName() + "'s INFO chunk: " + info);
            assertEquals(DISCLOSURE.title(), info.get("INAM"));
            assertTrue(DISCLOSURE.comment().contains("manifest.json"), "it names the manifest");
            assertFalse(info(Files.readAllBytes(without)).containsKey("ICMT"), "nothing said without a disclosure");
            assertArrayEquals(read24(without, channels), read24(with, channels), with.getFileName() + ": same samples");
        }
    }

    @Test
    void aLevelledLanguagesStemAndMixSayWhatTheyAreWithTheSameSamples() throws Exception {
        assertDisclosedAndUnchanged(mix().withTarget(LoudnessTarget.STREAMING));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.toString().contains(".unlevelled.")), "the scratch stem is gone");
        }
    }

    @Test
    void aLanguageWithoutATargetSaysSoToo() throws Exception {
        assertDisclosedAndUnchanged(mix());
    }

    @Test
    void theDisclosureSurvivesWithTargetAndTheTargetWithDisclosure() throws Exception {
        LanguageMix plain = mix();
        assertEquals(Optional.empty(), plain.disclosure());
        LanguageMix both = plain.withDisclosure(DISCLOSURE).withTarget(LoudnessTarget.STREAMING, List.of());
        assertEquals(Optional.of(DISCLOSURE), both.disclosure());
        assertEquals(Optional.of(LoudnessTarget.STREAMING), both.target());
        LanguageMix other = plain.withTarget(LoudnessTarget.STREAMING).withDisclosure(DISCLOSURE);
        assertEquals(Optional.of(LoudnessTarget.STREAMING), other.target());
        assertEquals(plain.dubSpans(), other.gateOn());
    }

    /**
     * Past 4 GiB FFmpeg turns the file into RF64 at its end: RIFF becomes RF64 and the JUNK chunk reserved
     * at the start becomes ds64, nothing else moves. The disclosed file still reserves it, ahead of fmt,
     * INFO and data; the promotion done here by hand the way the muxer does it reads back with its tags
     * and its samples.
     */
    @Test
    void aDisclosedFileCanStillBecomeRf64() throws Exception {
        Path wav = tmp.resolve("disclosed.wav");
        float[] samples = new float[RATE];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = SpanExcerptTest.noise(i, 0) / 32768f;
        }
        try (WavOut out = new WavOut(wav, 1, RATE, DISCLOSURE.tags())) {
            out.write(samples, RATE);
            out.finish();
        }
        byte[] bytes = Files.readAllBytes(wav);
        List<Chunk> chunks = chunks(bytes);
        assertEquals(List.of("JUNK", "fmt ", "LIST", "data"), chunks.stream().map(Chunk::id).toList());
        assertEquals(28, chunks.get(0).size(), "room for ds64 (rf64=auto)");

        Chunk data = chunks.get(3);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, "RF64".getBytes(StandardCharsets.US_ASCII)).putInt(4, -1);
        int ds64 = chunks.get(0).body();
        b.put(ds64 - 8, "ds64".getBytes(StandardCharsets.US_ASCII))
                .putLong(ds64, bytes.length - 8).putLong(ds64 + 8, data.size()).putLong(ds64 + 16, RATE).putInt(ds64 + 24, 0);
        b.putInt(data.body() - 4, -1);
        Path rf64 = Files.write(tmp.resolve("rf64.wav"), bytes);

        assertEquals(DISCLOSURE.comment(), info(bytes).get("ICMT"));
        assertEquals(DISCLOSURE.comment(), ffmpegMetadata(rf64).get("comment"));
        float[] original = new float[RATE];
        float[] promoted = new float[RATE];
        try (PcmReader a = new PcmReader(wav, "mono", 1); PcmReader p = new PcmReader(rf64, "mono", 1)) {
            assertEquals(RATE, a.read(original, RATE));
            assertEquals(RATE, p.read(promoted, RATE));
        }
        assertArrayEquals(original, promoted, "the RF64 file's samples");
    }

    @Test
    void aTagTheInfoChunkCannotHoldIsRefusedRatherThanDropped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WavOut(
                tmp.resolve("x.wav"), 1, 0, Map.of("AI_GENERATED_DIALOGUE", "true")));
        assertTrue(e.getMessage().contains("AI_GENERATED_DIALOGUE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Disclosure(" ", "title"));
    }
}
