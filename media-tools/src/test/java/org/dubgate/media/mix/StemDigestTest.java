package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The dialogue stem and the full mix of two fixed plans, byte for byte: the SHA-256 of each whole
 * file and of its {@code data} chunk alone, pinned from what the code wrote before MIX was made fast
 * (lines decoded through FFmpeg one grabber and filter graph each, every block through FFmpeg's
 * encoder, the full mix reading the stem back). Any change to how MIX reads, levels, limits,
 * converts or writes must leave these as they are. The data digests alone say whether a changed
 * file digest is only the header: the INFO chunk names the FFmpeg version ({@code ISFT "Lavf…"}),
 * so a JavaCV upgrade changes the file digests and leaves the data digests be.
 *
 * <p>Every signal is generated here from fixed seeds with {@link StrictMath} (the same on every
 * JVM): lines at 16, 22.05, 44.1 (stereo) and 48 kHz, one time-fitted to tempo 1.2, an overlapping
 * pair, a short burst the limiter must catch, gaps of silence of up to 16 s, over 75 s of programme.
 */
class StemDigestTest {

    /** 75 s and one frame: the mono stem's data chunk has an odd size, so the pad byte after it is pinned too. */
    private static final Duration LENGTH = Duration.ofSeconds(75).plusNanos(20_833);
    private static final Disclosure DISCLOSURE = Disclosure.aiDialogue("manifest-es.json",
            "Spanish dialogue (AI-generated dialogue)");

    @TempDir
    Path tmp;

    /** As MixStage renders a language: a stereo source without M&E (ducked), a loudness target, a disclosure. */
    @Test
    void aLevelledLanguageOverItsDuckedSource() throws Exception {
        Path source = stereoBed("source.wav", 44_100, 11, 0.08);
        List<DialogueStem.Line> lines = List.of(
                line("a16k.wav", 16_000, 1, 2.0, 0.02, 1, 0, 3.0, 1.0),
                line("b22k.wav", 22_050, 1, 2.5, 0.03, 2, 0, 12.0, 1.0),
                line("c48k.wav", 48_000, 1, 1.8, 0.025, 3, 0, 20.0, 1.0),
                line("d22k-fast.wav", 22_050, 1, 3.0, 0.02, 4, 0, 29.5, 1.2),
                line("e16k.wav", 16_000, 1, 2.0, 0.03, 5, 0, 40.0, 1.0),
                line("f48k-over.wav", 48_000, 1, 2.0, 0.02, 6, 0, 41.0, 1.0), // overlaps e16k by a second
                line("g44k-stereo.wav", 44_100, 2, 2.2, 0.02, 7, 0, 50.0, 1.0),
                line("h48k-burst.wav", 48_000, 1, 1.5, 0.02, 8, 0.4, 68.0, 1.0)); // 16 s of silence before it
        List<Span> cues = spans(lines);
        Path stem = tmp.resolve("dialogue.wav");
        Path mix = tmp.resolve("mix.wav");
        LanguageMix language = new LanguageMix(source, Optional.empty(), LENGTH, lines, List.of(), cues)
                .withTarget(LoudnessTarget.STREAMING, cues).withDisclosure(DISCLOSURE);
        ProgrammeMix.Result r = language.render(stem, mix);
        assertTrue(r.dialogue().orElseThrow().limiter().engaged(), "the burst is limited: " + r.dialogue());
        assertTrue(r.dialogue().orElseThrow().gainDb() > 3, "the lines are brought up: " + r.dialogue());

        String[] digests = {
                "ceb9665a69ec5d2de39eebabfb1df302fdbd5e745b86e1e576e82e64fb7d00bf",
                "23280cc2125ec8d5e44605b020800c0788c2e31456108945bdde75eed46126af",
                "19ef76d45b197f5a2b964b12121187321af004cd9cdd65aa97271c3455fed58f",
                "5114ecaa4908a02cc037ba57641e2b753c61024e54673e6fac0138a0cfaba593"};
        assertDigests(stem, mix, digests);
        assertSameWithSourcesKept(() -> language.render(stem, mix), stem, mix, ".f32", digests); // 44.1 kHz: resampled
    }

    /**
     * Without a target: the stem written as rendered (an overlapping pair loud enough to clip at full
     * scale), over a HUMAN stem and kept original dialogue, mixed over a 5.1 M&E.
     */
    @Test
    void anUnlevelledLanguageWithBedsOverA51Mne() throws Exception {
        Path source = stereoBed("source.wav", 48_000, 21, 0.05);
        Path mne = surroundBed("mne51.wav", 22);
        List<DialogueStem.Line> lines = List.of(
                line("a22k.wav", 22_050, 1, 2.0, 0.3, 31, 0, 4.0, 1.0),
                line("b16k-loud.wav", 16_000, 1, 2.0, 0.6, 32, 0, 20.0, 1.0),
                line("c48k-loud.wav", 48_000, 1, 2.0, 0.6, 33, 0, 21.0, 1.0), // with b: over full scale
                line("d16k-fast.wav", 16_000, 1, 2.4, 0.2, 34, 0, 45.0, 1.2),
                line("e48k.wav", 48_000, 1, 1.0, 0.2, 35, 0, 70.0, 1.0));
        Path human = line("human.wav", 48_000, 1, 6.0, 0.05, 36, 0, 0, 1.0).audio();
        Path original = line("original.wav", 48_000, 1, 60.0, 0.05, 37, 0, 0, 1.0).audio();
        List<DialogueStem.Bed> beds = List.of(DialogueStem.Bed.whole(human), new DialogueStem.Bed(original, false,
                Optional.of(List.of(new Span(Duration.ofSeconds(30), Duration.ofMillis(33_500))))));
        Path stem = tmp.resolve("dialogue.wav");
        Path mix = tmp.resolve("mix.wav");
        LanguageMix language = new LanguageMix(source, Optional.of(mne), LENGTH, lines, beds, spans(lines));
        ProgrammeMix.Result r = language.render(stem, mix);
        assertEquals(6, r.channels(), r.method());
        int[] written = DialogueStemTest.read24(stem);
        assertEquals(8_388_607, Arrays.stream(written).max().orElseThrow(), "the overlapping pair clips at full scale");

        String[] digests = {
                "1bbf96c9114e9c23ef5a151d6d471be9aaac2b87547f9d294400dafaa7700819",
                "6d33bbee1979eb326982bbd0926a7c76b943db5a375010793b978502cfccc95a",
                "00ca4b7256ebce3a90934b41428135a8f3b0cc444232fb4c8c43779c8e35061b",
                "6c8d1e7684de049caf25f3a1163983439d7d2a49058b43b1435c82692d4dcc70"};
        assertDigests(stem, mix, digests);
        assertSameWithSourcesKept(() -> language.render(stem, mix), stem, mix, ".s16", digests); // the 48 kHz M&E
    }

    /**
     * With decoded sources kept ({@link DecodedAudio}): the first render decodes the bed and keeps it
     * (in the form named by {@code suffix}), the second reads it back; both write the same files.
     */
    private void assertSameWithSourcesKept(Render render, Path stem, Path mix, String suffix, String... digests)
            throws Exception {
        Path kept = tmp.resolve("decoded");
        DecodedAudio.keepIn(kept, 1L << 30);
        try {
            render.run();
            assertDigests(stem, mix, digests);
            try (var files = Files.list(kept)) {
                assertEquals(List.of(suffix), files.map(f -> f.getFileName().toString())
                        .map(n -> n.substring(n.lastIndexOf('.'))).toList(), "one decoding kept");
            }
            render.run();
            assertDigests(stem, mix, digests);
        } finally {
            DecodedAudio.off();
        }
    }

    private interface Render {
        void run() throws Exception;
    }

    private static void assertDigests(Path stem, Path mix, String... digests) throws Exception {
        assertDigests(stem, mix, digests[0], digests[1], digests[2], digests[3]);
    }

    private static void assertDigests(Path stem, Path mix, String stemFile, String stemData, String mixFile,
                                      String mixData) throws Exception {
        byte[] s = Files.readAllBytes(stem);
        byte[] m = Files.readAllBytes(mix);
        assertAll(
                () -> assertEquals(stemData, sha256(data(s)), "the stem's samples"),
                () -> assertEquals(mixData, sha256(data(m)), "the full mix's samples"),
                () -> assertEquals(stemFile, sha256(s), "the stem file"),
                () -> assertEquals(mixFile, sha256(m), "the full mix file"));
    }

    /** The cue of each line: from its start for its length at its tempo. */
    private static List<Span> spans(List<DialogueStem.Line> lines) throws Exception {
        List<Span> spans = new ArrayList<>();
        for (DialogueStem.Line l : lines) {
            long bytes = Files.size(l.audio()) - 44;
            ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(l.audio()), 22, 6).order(ByteOrder.LITTLE_ENDIAN);
            int channels = head.getShort();
            int rate = head.getInt();
            long nanos = Math.round(bytes / 2.0 / channels / rate / l.tempo() * 1e9);
            spans.add(new Span(l.start(), l.start().plusNanos(nanos)));
        }
        return spans;
    }

    /**
     * A speech-like line: a 140 Hz buzz with harmonics and noise under a syllable envelope, peaking
     * near {@code level} of full scale; with {@code burst} > 0, 3 ms at that level half-way through.
     */
    private DialogueStem.Line line(String name, int rate, int channels, double seconds, double level, long seed,
                                   double burst, double at, double tempo) throws Exception {
        Random random = new Random(seed);
        int frames = (int) Math.round(seconds * rate);
        short[] s = new short[frames * channels];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double syllable = 0.5 - 0.5 * StrictMath.cos(2 * Math.PI * 4 * t);
            double fade = Math.min(1, Math.min(t, seconds - t) / 0.02);
            double voice = 0;
            for (int h = 1; h <= 6; h++) {
                voice += StrictMath.sin(2 * Math.PI * 140 * h * t + seed) / h;
            }
            double v = level * fade * (0.5 * syllable * voice + 0.15 * random.nextGaussian());
            if (burst > 0 && Math.abs(t - seconds / 2) < 0.0015) {
                v = burst * StrictMath.sin(2 * Math.PI * 1_000 * t);
            }
            for (int c = 0; c < channels; c++) {
                s[i * channels + c] = pcm16(c == 0 ? v : 0.8 * v);
            }
        }
        Path file = TestMedia.wav(tmp.resolve(name), rate, channels, s);
        return new DialogueStem.Line(file, Duration.ofMillis(Math.round(at * 1000)), tempo);
    }

    /** The programme's stereo sound: a low chord and noise, a louder passage from 55 to 60 s. */
    private Path stereoBed(String name, int rate, long seed, double level) throws Exception {
        Random random = new Random(seed);
        int frames = (int) (LENGTH.toSeconds() * rate);
        short[] s = new short[frames * 2];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) rate;
            double swell = t >= 55 && t < 60 ? 6 : 1;
            double chord = StrictMath.sin(2 * Math.PI * 110 * t) + 0.6 * StrictMath.sin(2 * Math.PI * 164.8 * t);
            s[2 * i] = pcm16(level * swell * (0.5 * chord + 0.3 * random.nextGaussian()));
            s[2 * i + 1] = pcm16(level * swell * (0.5 * chord + 0.3 * random.nextGaussian()));
        }
        return TestMedia.wav(tmp.resolve(name), rate, 2, s);
    }

    /** A 5.1 music-and-effects stem: noise on every channel but LFE, a 50 Hz rumble on LFE. */
    private Path surroundBed(String name, long seed) throws Exception {
        Random random = new Random(seed);
        int frames = (int) (LENGTH.toSeconds() * 48_000);
        short[] s = new short[frames * 6];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < 6; c++) {
                s[6 * i + c] = pcm16(c == 3 ? 0.1 * StrictMath.sin(2 * Math.PI * 50 * i / 48_000.0)
                        : 0.04 * random.nextGaussian());
            }
        }
        return TestMedia.wav(tmp.resolve(name), 48_000, 6, s);
    }

    private static short pcm16(double v) {
        return (short) Math.round(Math.max(-1, Math.min(1, v)) * 32767);
    }

    /** The body of a WAV's {@code data} chunk, without the pad byte an odd size is followed by. */
    static byte[] data(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            if (id.equals("data")) {
                return java.util.Arrays.copyOfRange(wav, pos + 8, (int) Math.min(wav.length, pos + 8 + size));
            }
            pos += 8 + (int) size + (int) (size & 1);
        }
        return fail("no data chunk");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
