package org.dubgate.media.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.dubgate.media.TestMedia;
import org.dubgate.media.json.JsonSupport;
import org.dubgate.media.loudness.LoudnessMeter;
import org.dubgate.media.mix.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code media-tools check}: the mix's loudness over the cues from the same single decode as its
 * clipped runs, agreeing with the meter alone; the original's loudness; each line's figures.
 */
class CheckCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();

    /** Stereo 1 kHz at {@code dbfs}, {@code seconds} long, with the first {@code clipped} samples of each channel at full scale. */
    private Path stereo(String name, double dbfs, int seconds, int clipped) throws Exception {
        int rate = 48_000;
        short[] s = new short[seconds * rate * 2];
        for (int i = 0; i < s.length / 2; i++) {
            double a = Math.pow(10, dbfs / 20.0) * 32767;
            s[2 * i] = s[2 * i + 1] = i < clipped ? Short.MAX_VALUE : (short) Math.round(a * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        return TestMedia.wav(tmp.resolve(name), rate, 2, s);
    }

    private static double number(JsonObject o, String key) {
        return ((JsonNumber) o.get(key)).doubleValue();
    }

    @Test
    void printsTheMixTheOriginalAndEveryLine() throws Exception {
        Path mix = stereo("mix.wav", -27, 6, 40);
        Path original = stereo("original.wav", -20, 6, 0);
        Path line = stereo("line.wav", -12, 1, 0);
        Path cues = Files.writeString(tmp.resolve("cues.json"), "[{\"start\":1,\"end\":3},{\"start\":4,\"end\":5.5}]");
        assertEquals(MediaToolsCli.OK, cli.run("check", mix.toString(), "--gate-on", cues.toString(), "--original",
                original.toString(), line.toString(), line.toString()), cli.stderr());
        JsonObject j = (JsonObject) JsonSupport.read(cli.stdout());
        double alone = new LoudnessMeter().measure(mix, List.of(new Span(Duration.ofSeconds(1), Duration.ofSeconds(3)),
                new Span(Duration.ofSeconds(4), Duration.ofMillis(5500)))).dialogueGated().orElseThrow().integratedLufs();
        double gated = number(j.getJsonObject("mix").getJsonObject("dialogueGated"), "integratedLufs");
        assertEquals(Math.round(alone * 100) / 100.0, gated, 1e-9, "the same figure as the meter on its own");
        assertEquals(-27.0, gated, 0.1);
        assertEquals(1, j.getJsonObject("mixSamples").getInt("clippedRuns"), "one run of full-scale samples");
        assertEquals(40, j.getJsonObject("mixSamples").getInt("longestClippedRun"));
        assertEquals(-20.0, number(j.getJsonObject("original").getJsonObject("dialogueGated"), "integratedLufs"), 0.1);
        assertEquals(2, j.getJsonArray("lines").size());
        JsonObject l = j.getJsonArray("lines").getJsonObject(0);
        assertEquals(1.0, number(l, "durationSeconds"), 1e-6);
        assertEquals(-12.0, number(l, "peakDbfs"), 0.1);
        assertFalse(l.getBoolean("silent"));
        assertEquals(0, l.getJsonArray("dropoutsAtSeconds").size());
    }

    @Test
    void withoutCuesItIsAUsageError() throws Exception {
        assertEquals(MediaToolsCli.USAGE, cli.run("check", stereo("m.wav", -20, 1, 0).toString()));
        assertTrue(cli.stderr().contains("usage: media-tools check MIX --gate-on"));
    }
}
