package org.dubgate.media.lipsync;

import jakarta.json.JsonObject;
import org.dubgate.media.cli.MediaToolsCli;
import org.dubgate.media.json.JsonSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code media-tools lipsync}: the round trip from written defaults to the JSON result, and its errors and exit codes. */
class LipSyncCommandTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return MediaToolsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void roundTrip() throws Exception {
        Path params = tmp.resolve("warp.json");
        assertEquals(0, run("lipsync", "--write-params", params.toString()));
        Path video = LipSyncMedia.grid("bbaf2n");
        Path audio = LipSyncMedia.grid("lrwp9a");
        Path result = tmp.resolve("altered.mkv");
        assertEquals(0, run("lipsync", video.toString(), audio.toString(), "--shot", "0.8-2.2", "--params",
                params.toString(), "--out", result.toString(), "--stills", tmp.resolve("stills").toString(), "--stats"),
                err.toString(StandardCharsets.UTF_8));
        JsonObject json = JsonSupport.read(out.toString(StandardCharsets.UTF_8)).asJsonObject();
        assertEquals("mpeg1video", json.getString("codec"));
        assertEquals(75, json.getInt("framesTotal"));
        JsonObject shot = json.getJsonArray("shots").getJsonObject(0);
        assertEquals(20, shot.getInt("firstFrame"));
        assertEquals(54, shot.getInt("lastFrame"));
        assertTrue(shot.getJsonNumber("syncAfter").doubleValue() > shot.getJsonNumber("syncBefore").doubleValue());
        assertTrue(Files.size(result) > 10_000);
        assertTrue(Files.exists(Path.of(shot.getString("still"))));
        assertTrue(shot.getString("still").contains("stills"));
        assertTrue(err.toString(StandardCharsets.UTF_8).matches("(?s)stats: frames=75 seconds=[0-9.]+ fps=[0-9.]+ peakHeapMB=[0-9.]+\\s*"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badInputGivesOneLineAndAnExitCode() throws Exception {
        Path video = LipSyncMedia.grid("bbaf2n");
        Path audio = LipSyncMedia.grid("lrwp9a");
        Path params = Files.writeString(tmp.resolve("bad.json"), "{\"mouthY\": 2}");
        String o = tmp.resolve("o.mkv").toString();
        assertEquals(4, run("lipsync", video.toString(), audio.toString(), "--shot", "0.8-2.2", "--params", params.toString(), "--out", o));
        assertEquals("media-tools: LIPSYNC: bad.json: mouthY must be 0.5..0.95, not 2.0\n", err.toString(StandardCharsets.UTF_8));
        Path good = tmp.resolve("good.json");
        run("lipsync", "--write-params", good.toString());
        assertEquals(4, run("lipsync", video.toString(), audio.toString(), "--shot", "4-5", "--params", good.toString(), "--out", o));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is outside bbaf2n.mpg"));
        assertEquals(2, run("lipsync", video.toString(), audio.toString(), "--shot", "2-1", "--params", good.toString(), "--out", o));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--shot 2-1: give START-END in seconds"));
        assertEquals(2, run("lipsync", video.toString(), audio.toString(), "--params", good.toString(), "--out", o));
        assertEquals(2, run("lipsync", video.toString()));
        assertEquals(3, run("lipsync", tmp.resolve("absent.mpg").toString(), audio.toString(), "--shot", "1-2",
                "--params", good.toString(), "--out", o));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("media-tools: MISSING: "));
    }
}
