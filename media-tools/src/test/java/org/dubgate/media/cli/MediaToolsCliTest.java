package org.dubgate.media.cli;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MediaToolsCliTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MediaToolsCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void probePrintsJsonAndExitsZero() throws Exception {
        Path clip = TestMedia.gridClips().findFirst().orElseThrow();
        assertEquals(MediaToolsCli.OK, run("probe", clip.toString()));
        assertTrue(stdout().startsWith("{\"container\":\"mpeg\""), stdout());
        assertEquals("", stderr());
    }

    @Test
    void missingFileExitsThreeWithOneLine() {
        assertEquals(MediaToolsCli.UNREADABLE, run("probe", tmp.resolve("absent.mp4").toString()));
        assertEquals("media-tools: MISSING: absent.mp4: no such file", stderr().strip());
        assertEquals("", stdout());
    }

    @Test
    void emptyFileExitsFour() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        assertEquals(MediaToolsCli.BAD_MEDIA, run("probe", empty.toString()));
        assertEquals("media-tools: EMPTY: empty.mp4: file is empty", stderr().strip());
    }

    @Test
    void nonMediaExitsFour() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "just words");
        assertEquals(MediaToolsCli.BAD_MEDIA, run("probe", text.toString()));
        assertTrue(stderr().startsWith("media-tools: NOT_MEDIA: notes.mp4: not a recognised audio or video file"),
                stderr());
        assertEquals(1, stderr().strip().lines().count());
    }

    @Test
    void truncatedExitsFour() throws Exception {
        Path cut = TestMedia.truncatedCopy(TestMedia.gridClips().findFirst().orElseThrow(), 0.5, tmp);
        assertEquals(MediaToolsCli.BAD_MEDIA, run("probe", cut.toString()));
        assertTrue(stderr().startsWith("media-tools: TRUNCATED: "), stderr());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(MediaToolsCli.USAGE, run());
        assertEquals(MediaToolsCli.USAGE, run("transcode", "x"));
        assertEquals(MediaToolsCli.USAGE, run("probe"));
        assertTrue(stderr().contains("usage: media-tools probe FILE"));
    }

    @Test
    void scriptPrintsCuesAsJson() throws Exception {
        Path srt = Files.writeString(tmp.resolve("ep3.srt"), "1\n00:00:01,000 --> 00:00:02,000\nANNA: Hola\n");
        assertEquals(MediaToolsCli.OK, run("script", srt.toString()));
        assertEquals("{\"format\":\"SRT\",\"cues\":[{\"id\":\"1\",\"start\":1.0,\"end\":2.0,"
                + "\"character\":\"ANNA\",\"text\":\"Hola\"}]}", stdout().strip());
    }

    @Test
    void brokenScriptListsEveryProblemAndExitsFour() throws Exception {
        Path vtt = Files.writeString(tmp.resolve("ep3.vtt"), "00:01.000 --> 00:02.000\nHello\n");
        assertEquals(MediaToolsCli.BAD_MEDIA, run("script", vtt.toString()));
        assertEquals("media-tools: ep3.vtt: line 1: a WebVTT file must start with the line 'WEBVTT'", stderr().strip());
        assertEquals(MediaToolsCli.USAGE, run("script", tmp.resolve("notes.docx").toString()));
    }

    @Test
    void scriptThatIsNotUtf8ExitsFourNamingLineAndByte() throws Exception {
        // once exit 3 ("cannot read: Input length = 1"), which means the file is missing or unreadable
        byte[] latin1 = "1\n00:00:01,000 --> 00:00:02,000\nANNA: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path srt = Files.write(tmp.resolve("ep3.srt"), latin1);
        assertEquals(MediaToolsCli.BAD_MEDIA, run("script", srt.toString()));
        assertEquals("media-tools: ep3.srt: line 3: not UTF-8: invalid byte sequence 0xE9 at byte 41",
                stderr().strip());
        assertEquals("", stdout());
    }

    @Test
    void helpExitsZero() {
        assertEquals(MediaToolsCli.OK, run("--help"));
        assertTrue(stdout().contains("usage: media-tools probe FILE"));
    }

    @Test
    void dubMixesAndAssemblesFromAPlan() throws Exception {
        Path clip = TestMedia.gridClips().findFirst().orElseThrow();
        short[] tone = new short[24_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (8_000 * Math.sin(2 * Math.PI * 200 * i / 48_000.0));
        }
        TestMedia.wav(tmp.resolve("line.wav"), 48_000, 1, tone);
        Path plan = Files.writeString(tmp.resolve("plan.json"), "{\"source\":\"" + clip.toAbsolutePath()
                + "\",\"length\":3.0,\"languages\":[{\"language\":\"es\",\"lines\":[{\"audio\":\"line.wav\","
                + "\"start\":1.0,\"end\":1.5}]}]}");
        assertEquals(MediaToolsCli.OK, run("dub", plan.toString(), tmp.resolve("out").toString()), stderr());
        assertTrue(stdout().contains("\"flag\":\"NO_MNE_ORIGINAL_AUDIBLE\""), stdout());
        assertTrue(Files.size(tmp.resolve("out/es.dialogue.wav")) > 3 * 48_000 * 3, "3 s of 24-bit mono");
        assertEquals(2, new org.dubgate.media.probe.MediaProber().probe(tmp.resolve("out/programme.mkv"))
                .audioStreams().size());
    }

    @Test
    void dubNamesWhatIsWrongWithAPlan() throws Exception {
        Path plan = Files.writeString(tmp.resolve("plan.json"), "{\"source\":\"x.mp4\",\"length\":-1}");
        assertEquals(MediaToolsCli.USAGE, run("dub", plan.toString(), tmp.resolve("out").toString()));
        assertEquals("media-tools: plan.json: \"length\" must be a number of seconds >= 0", stderr().strip());
    }
}
