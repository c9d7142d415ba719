package org.dubgate.media.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code media-tools loudness}: its JSON and exit codes (the same as {@code probe}'s for bad media). */
class LoudnessCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();

    /** 4 s of stereo 1 kHz sine at -20 dBFS, then 4 s at -40 dBFS, 16-bit. */
    private Path tone() throws Exception {
        int rate = 48_000;
        short[] s = new short[8 * rate * 2];
        for (int i = 0; i < s.length / 2; i++) {
            double a = (i < 4 * rate ? Math.pow(10, -20 / 20.0) : Math.pow(10, -40 / 20.0)) * 32767;
            s[2 * i] = s[2 * i + 1] = (short) Math.round(a * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        return TestMedia.wav(tmp.resolve("tone.wav"), rate, 2, s);
    }

    private static double number(JsonObject o, String key) {
        return ((JsonNumber) o.get(key)).doubleValue();
    }

    @Test
    void printsEveryFigureUnderItsOwnKey() throws Exception {
        assertEquals(MediaToolsCli.OK, cli.run("loudness", tone().toString()), cli.stderr().strip());
        JsonObject j = cli.json();
        // the blocks straddling the step pass the relative gate and pull it a little below -20
        assertEquals(-20.16, number(j, "integratedLufs"), 0.05);
        assertEquals(-20.0, number(j, "momentaryMaxLufs"), 0.1);
        assertEquals(-20.0, number(j, "shortTermMaxLufs"), 0.1);
        assertEquals(-20.0, number(j, "samplePeakDbfs"), 0.05);
        assertEquals(-20.0, number(j, "truePeakDbtp"), 0.1);
        assertTrue(number(j, "loudnessRangeLu") > 10, "two levels 20 LU apart");
        assertEquals(8.0, number(j, "durationSeconds"), 1e-9);
        assertEquals(48_000, j.getInt("sampleRate"));
        assertEquals(2, j.getInt("channels"));
        assertTrue(j.isNull("dialogueGated"));
        assertEquals("", cli.stderr().strip());
    }

    @Test
    void gatesOnCuesFromAnArrayOrFromScriptOutput() throws Exception {
        Path wav = tone();
        Path cues = Files.writeString(tmp.resolve("cues.json"), "[{\"start\":4.5,\"end\":7.5}]");
        assertEquals(MediaToolsCli.OK, cli.run("loudness", wav.toString(), "--gate-on", cues.toString()), cli.stderr().strip());
        JsonObject gated = cli.json().getJsonObject("dialogueGated");
        assertEquals(-40.0, number(gated, "integratedLufs"), 0.1);
        assertEquals(1, gated.getInt("spans"));
        assertEquals(3.0, number(gated, "seconds"), 1e-9);
        assertEquals(0.375, number(gated, "shareOfDuration"), 1e-9);

        cli.resetOut();
        Path srt = Files.writeString(tmp.resolve("ep.srt"), "1\n00:00:00,500 --> 00:00:03,500\nANNA: Hola\n");
        assertEquals(MediaToolsCli.OK, cli.run("script", srt.toString()));
        Path script = Files.writeString(tmp.resolve("script.json"), cli.stdout());
        cli.resetOut();
        assertEquals(MediaToolsCli.OK, cli.run("loudness", wav.toString(), "--gate-on", script.toString()), cli.stderr().strip());
        assertEquals(-20.0, number(cli.json().getJsonObject("dialogueGated"), "integratedLufs"), 0.1);
    }

    @Test
    void badMediaExitsAsProbeDoes() throws Exception {
        assertEquals(MediaToolsCli.UNREADABLE, cli.run("loudness", tmp.resolve("absent.wav").toString()));
        assertEquals("media-tools: MISSING: absent.wav: no such file", cli.stderr().strip());
        cli.resetErr();
        Path text = Files.writeString(tmp.resolve("notes.wav"), "just words");
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("loudness", text.toString()));
        assertTrue(cli.stderr().strip().startsWith("media-tools: NOT_MEDIA: notes.wav"), cli.stderr().strip());
        assertEquals(1, cli.stderr().strip().lines().count());
        assertEquals("", cli.stdout());
    }

    @Test
    void badCuesAreUsageErrorsNamingTheCue() throws Exception {
        Path wav = tone();
        Path backwards = Files.writeString(tmp.resolve("cues.json"), "[{\"start\":1,\"end\":2},{\"start\":3,\"end\":2}]");
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", wav.toString(), "--gate-on", backwards.toString()));
        assertEquals("media-tools: cues.json: cue 2 ends (2.0) before it starts (3.0)", cli.stderr().strip());
        cli.resetErr();
        Path noEnd = Files.writeString(tmp.resolve("cues.json"), "{\"cues\":[{\"start\":1}]}");
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", wav.toString(), "--gate-on", noEnd.toString()));
        assertEquals("media-tools: cues.json: cue 1: \"end\" must be a number of seconds >= 0", cli.stderr().strip());
        cli.resetErr();
        Path broken = Files.writeString(tmp.resolve("cues.json"), "[{\"start\":1,");
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", wav.toString(), "--gate-on", broken.toString()));
        assertTrue(cli.stderr().strip().startsWith("media-tools: cues.json: line 1, column "), cli.stderr().strip());
        cli.resetErr();
        Path latin1 = Files.write(tmp.resolve("cues.json"), "[{\"start\":1,\"end\":2,\"text\":\"Caf\u00e9\"}]"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", wav.toString(), "--gate-on", latin1.toString()));
        assertEquals("media-tools: cues.json: not UTF-8 text", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.UNREADABLE,
                cli.run("loudness", wav.toString(), "--gate-on", tmp.resolve("absent.json").toString()));
        assertTrue(cli.stderr().strip().startsWith("media-tools: absent.json: cannot read"), cli.stderr().strip());
    }

    @Test
    void wrongArgumentsExitTwo() {
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness"));
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", "a.wav", "--gate"));
        assertEquals(MediaToolsCli.USAGE, cli.run("loudness", "a.wav", "--gate-off", "c.json"));
        assertTrue(cli.stderr().strip().contains("media-tools loudness FILE [--gate-on CUES.json]"), cli.stderr().strip());
    }
}
