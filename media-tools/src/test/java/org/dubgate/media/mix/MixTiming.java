package org.dubgate.media.mix;

import org.dubgate.media.TestMedia;

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

/**
 * How long one language's MIX takes, as MixStage runs it: a 10-minute stereo programme, 150 lines as
 * the engines write them (16-bit mono WAV at 16 and 22.05 kHz, one in ten time-fitted), levelled to the
 * streaming target with a disclosure. Not a test: run by hand, before and after a change, e.g.
 * {@code java -cp target/test-classes:target/classes:<deps> org.dubgate.media.mix.MixTiming /tmp/mix-timing 4}.
 * It prints each render's time, the time reading the two files back to hash them takes (what storing them
 * cost before the writers hashed as they wrote), and their digests (the same plan must give the same).
 */
public final class MixTiming {

    private static final int RATE = 48_000;
    private static final Duration LENGTH = Duration.ofMinutes(10);

    private MixTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/mix-timing"));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path source = dir.resolve("source.wav");
        if (!Files.exists(source)) {
            source = stereo(source);
        }
        List<DialogueStem.Line> lines = new ArrayList<>();
        List<Span> cues = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int rate = i % 3 == 0 ? 16_000 : 22_050;
            double seconds = 1.5 + (i * 7 % 20) / 10.0;
            double tempo = i % 10 == 9 ? 1.1 : 1.0;
            Path line = dir.resolve("line-" + i + ".wav");
            if (!Files.exists(line)) {
                speech(line, rate, seconds, i);
            }
            Duration start = Duration.ofMillis(1_000 + i * 3_950L);
            lines.add(new DialogueStem.Line(line, start, tempo));
            cues.add(new Span(start, start.plusMillis(Math.round(seconds / tempo * 1000))));
        }
        LanguageMix mix = new LanguageMix(source, Optional.empty(), LENGTH, lines, List.of(), cues)
                .withTarget(LoudnessTarget.STREAMING, cues)
                .withDisclosure(Disclosure.aiDialogue("manifest.json", "Spanish dialogue (AI-generated dialogue)"));
        double[] seconds = new double[runs];
        Path stem = dir.resolve("dialogue.wav");
        Path full = dir.resolve("mix.wav");
        for (int r = 0; r < runs; r++) {
            // new files, as in a job's own folder (rewriting a file in place makes ext4 flush it on close)
            Files.deleteIfExists(stem);
            Files.deleteIfExists(full);
            long t0 = System.nanoTime();
            mix.render(stem, full);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            System.out.printf("run %d: %.3f s%n", r + 1, seconds[r]);
        }
        double[] warm = Arrays.copyOfRange(seconds, Math.min(1, runs - 1), runs);
        Arrays.sort(warm);
        System.out.printf("first %.3f s, warm median %.3f s, min %.3f s%n", seconds[0], warm[warm.length / 2], warm[0]);
        long t0 = System.nanoTime();
        String stemSha = sha256(stem);
        String mixSha = sha256(full);
        // what storing the two files cost when they had to be read again to be hashed
        System.out.printf("reading both files back to hash them: %.3f s%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("stem " + stemSha + "\nmix  " + mixSha);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] b = new byte[1 << 16];
            int n;
            while ((n = in.read(b)) > 0) {
                sha.update(b, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static Path speech(Path file, int rate, double seconds, long seed) throws Exception {
        Random random = new Random(seed);
        short[] s = new short[(int) Math.round(seconds * rate)];
        for (int i = 0; i < s.length; i++) {
            double t = i / (double) rate;
            double voice = 0;
            for (int h = 1; h <= 6; h++) {
                voice += StrictMath.sin(2 * Math.PI * (120 + seed % 40) * h * t) / h;
            }
            double syllable = 0.5 - 0.5 * StrictMath.cos(2 * Math.PI * 4 * t);
            s[i] = (short) Math.round(Math.max(-1, Math.min(1, 0.1 * (syllable * voice + 0.2 * random.nextGaussian())))
                    * 32767);
        }
        return TestMedia.wav(file, rate, 1, s);
    }

    private static Path stereo(Path file) throws Exception {
        Random random = new Random(1);
        int frames = (int) (LENGTH.toSeconds() * RATE);
        short[] s = new short[frames * 2];
        for (int i = 0; i < frames; i++) {
            double t = i / (double) RATE;
            double chord = StrictMath.sin(2 * Math.PI * 110 * t) + 0.6 * StrictMath.sin(2 * Math.PI * 164.8 * t);
            s[2 * i] = (short) Math.round(0.05 * (chord + 0.5 * random.nextGaussian()) * 32767);
            s[2 * i + 1] = (short) Math.round(0.05 * (chord + 0.5 * random.nextGaussian()) * 32767);
        }
        return TestMedia.wav(file, RATE, 2, s);
    }
}
