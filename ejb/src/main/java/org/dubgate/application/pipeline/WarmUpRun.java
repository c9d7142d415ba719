package org.dubgate.application.pipeline;

import org.dubgate.media.mix.DecodedAudio;
import org.dubgate.media.mix.DialogueStem;
import org.dubgate.media.mix.Disclosure;
import org.dubgate.media.mix.LanguageMix;
import org.dubgate.media.mix.LoudnessTarget;
import org.dubgate.media.mix.Span;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.qa.LanguageAudit;
import org.dubgate.media.voice.EngineException;
import org.dubgate.media.voice.Speech;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;
import org.dubgate.media.voice.VoiceSettings;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * What the first job would otherwise pay for, done once in a folder of its own: FFmpeg's natives
 * loaded (a probe), each installed engine run on a short phrase (process launch, the engine's
 * binary and voice data into the page cache), then a short real MIX — a dialogue stem levelled to
 * a target and its full mix, lines at engine and other sample rates, some time-fitted — and CHECK's
 * figures of it, twice, so the JIT has compiled the media loops before a job runs them.
 *
 * <p>Nothing here is consent-gated work: the engines speak a fixed phrase in their own default
 * voices (no performer's voice, no registered model), over generated audio, and every file stays
 * in the folder, which its caller removes. Nothing is stored, recorded or delivered.
 */
final class WarmUpRun {

    /** A programme this long is rendered: long enough for the per-sample loops to be compiled, short enough to take about a second. */
    static final Duration PROGRAMME = Duration.ofSeconds(30);
    /** The second render runs the code the first one had compiled (the JIT compiles a loop while it runs). */
    static final int ROUNDS = 2;
    private static final Duration PHRASE_TIMEOUT = Duration.ofSeconds(10);
    private static final Map<String, String> PHRASES = Map.of(
            "en", "Good morning. Where were you last night?",
            "es", "Buenos días. ¿Dónde estabas anoche?");
    /** The last round's files, left in the folder with the rest. */
    static final String STEM = "dialogue.wav";
    static final String FULL_MIX = "mix.wav";
    private static final int RATE = 48_000;
    private static final Duration TONE = Duration.ofMillis(1200);

    /** How long each step took, and what did not run (an engine missing on this node, a cut-short run). */
    record Figures(long probeMillis, long enginesMillis, long mixMillis, long checkMillis, int rounds,
                   List<String> spoken, List<String> notes) {

        @Override
        public String toString() {
            return "probe " + probeMillis + " ms, engines " + enginesMillis + " ms (" + (spoken.isEmpty() ? "none"
                    : String.join(", ", spoken)) + "), " + rounds + " mix(es) " + mixMillis + " ms, checks "
                    + checkMillis + " ms" + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
        }
    }

    private final Path folder;
    private final BooleanSupplier stop;

    /**
     * @param folder an empty folder the run may fill
     * @param stop   asked between steps: true ends the run there (a job has started: it warms up by itself)
     */
    WarmUpRun(Path folder, BooleanSupplier stop) {
        this.folder = folder;
        this.stop = stop;
    }

    Figures run() throws Exception {
        List<String> notes = new ArrayList<>();
        long t0 = System.nanoTime();
        Path source = programme(folder.resolve("programme.wav"));
        new MediaProber().probe(source);
        long t1 = System.nanoTime();
        List<String> spoken = new ArrayList<>();
        List<Speech> speech = stop.getAsBoolean() ? List.of() : speak(spoken, notes);
        long t2 = System.nanoTime();
        List<Path> lineFiles = new ArrayList<>(speech.stream().map(Speech::wav).toList());
        List<Duration> lineLengths = new ArrayList<>(speech.stream().map(Speech::length).toList());
        for (int rate : new int[]{16_000, 22_050, RATE}) {
            // lines in the formats the engines write, whether or not one is installed here
            lineFiles.add(line(folder.resolve("tone-" + rate + ".wav"), rate));
            lineLengths.add(TONE);
        }
        List<DialogueStem.Line> lines = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        Duration at = Duration.ofMillis(500);
        for (int i = 0; at.plus(Duration.ofSeconds(3)).compareTo(PROGRAMME) < 0; i++) {
            int n = i % lineFiles.size();
            double tempo = i % 3 == 2 ? 1.1 : 1.0; // time-fit's atempo path too
            lines.add(new DialogueStem.Line(lineFiles.get(n), at, tempo));
            Duration sounds = Duration.ofNanos(Math.round(lineLengths.get(n).toNanos() / tempo));
            spans.add(new Span(at, at.plus(sounds)));
            at = at.plus(sounds).plus(Duration.ofMillis(700));
        }
        LanguageMix mix = new LanguageMix(source, Optional.empty(), PROGRAMME, lines, List.of(), spans)
                .withTarget(LoudnessTarget.STREAMING, spans)
                .withDisclosure(Disclosure.aiDialogue(AssembleWork.MANIFEST, "warm-up"));
        long mixNanos = 0;
        long checkNanos = 0;
        int rounds = 0;
        Path stem = folder.resolve(STEM);
        Path full = folder.resolve(FULL_MIX);
        try {
            // with decoded sources kept, the first round decodes and keeps the source, the second reads it back
            for (; rounds < ROUNDS && !stop.getAsBoolean(); rounds++) {
                Files.deleteIfExists(stem);
                Files.deleteIfExists(full);
                long m = System.nanoTime();
                mix.render(stem, full);
                long c = System.nanoTime();
                new LanguageAudit().audit(full, Optional.of(source), spans, lineFiles);
                mixNanos += c - m;
                checkNanos += System.nanoTime() - c;
            }
        } finally {
            DecodedAudio.forget(source, "stereo", 2); // its folder goes after the run: nobody reads it again
        }
        if (rounds < ROUNDS) {
            notes.add("cut short after " + rounds + " of " + ROUNDS + " mixes: a task started on this node, or the server is stopping");
        }
        return new Figures(millis(t1 - t0), millis(t2 - t1), millis(mixNanos), millis(checkNanos), rounds,
                List.copyOf(spoken), List.copyOf(notes));
    }

    /** Each installed engine on a short phrase in each language here it speaks; one that cannot run is noted, not fatal. */
    private List<Speech> speak(List<String> spoken, List<String> notes) {
        List<Speech> made = new ArrayList<>();
        for (VoiceEngine engine : VoiceEngines.all()) {
            for (String language : List.of("en", "es")) {
                try {
                    if (engine.voiceFor(language).isPresent()) {
                        made.add(engine.synthesize(PHRASES.get(language), language, VoiceSettings.DEFAULT,
                                folder.resolve(engine.name() + "-" + language + ".wav"), PHRASE_TIMEOUT));
                        spoken.add(engine.name() + " " + language);
                    }
                } catch (EngineException e) {
                    notes.add(engine.name() + " " + language + " did not run: " + e.getMessage());
                    break; // not installed, most likely: its other language would say the same
                }
            }
        }
        return made;
    }

    /** A mono 16-bit line: a voice-like tone, its level moving at a syllable rate. */
    private static Path line(Path file, int rate) throws IOException {
        int frames = (int) (rate * TONE.toMillis() / 1000);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header(rate, 1, frames));
            ByteBuffer b = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                double t = (double) i / rate;
                b.putShort((short) (9000 * Math.sin(2 * Math.PI * 180 * t) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * t))));
            }
            out.write(b.array());
        }
        return file;
    }

    /** The programme's sound, stereo at 48 kHz: a slowly swelling chord over noise, written a second at a time. */
    private static Path programme(Path file) throws IOException {
        int frames = (int) (RATE * PROGRAMME.toSeconds());
        Random noise = new Random(11);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(header(RATE, 2, frames));
            ByteBuffer b = ByteBuffer.allocate(RATE * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < frames; i++) {
                double t = (double) i / RATE;
                double swell = 0.5 + 0.5 * Math.sin(2 * Math.PI * 0.2 * t);
                double chord = Math.sin(2 * Math.PI * 220 * t) + 0.6 * Math.sin(2 * Math.PI * 277.2 * t);
                b.putShort((short) (2500 * swell * chord + 600 * noise.nextGaussian()));
                b.putShort((short) (2500 * swell * chord * 0.8 + 600 * noise.nextGaussian()));
                if (!b.hasRemaining()) {
                    out.write(b.array());
                    b.clear();
                }
            }
            out.write(b.array(), 0, b.position());
        }
        return file;
    }

    /** A canonical 44-byte PCM WAV header for 16-bit samples. */
    private static byte[] header(int rate, int channels, int frames) {
        int data = frames * channels * 2;
        return ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN)
                .put(ascii("RIFF")).putInt(36 + data).put(ascii("WAVE")).put(ascii("fmt "))
                .putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16).put(ascii("data")).putInt(data).array();
    }

    private static byte[] ascii(String chunkId) {
        return chunkId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
