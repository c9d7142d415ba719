package org.dubgate.media.cli;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class MediaToolsCliTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();

    @Test
    void probePrintsJsonAndExitsZero() throws Exception {
        Path clip = TestMedia.gridClips().findFirst().orElseThrow();
        assertEquals(MediaToolsCli.OK, cli.run("probe", clip.toString()));
        assertTrue(cli.stdout().startsWith("{\"container\":\"mpeg\""), cli.stdout());
        assertEquals("", cli.stderr());
    }

    @Test
    void missingFileExitsThreeWithOneLine() {
        assertEquals(MediaToolsCli.UNREADABLE, cli.run("probe", tmp.resolve("absent.mp4").toString()));
        assertEquals("media-tools: MISSING: absent.mp4: no such file", cli.stderr().strip());
        assertEquals("", cli.stdout());
    }

    @Test
    void emptyFileExitsFour() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.mp4"));
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("probe", empty.toString()));
        assertEquals("media-tools: EMPTY: empty.mp4: file is empty", cli.stderr().strip());
    }

    @Test
    void nonMediaExitsFour() throws Exception {
        Path text = Files.writeString(tmp.resolve("notes.mp4"), "just words");
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("probe", text.toString()));
        assertTrue(cli.stderr().startsWith("media-tools: NOT_MEDIA: notes.mp4: not a recognised audio or video file"),
                cli.stderr());
        assertEquals(1, cli.stderr().strip().lines().count());
    }

    @Test
    void truncatedExitsFour() throws Exception {
        Path cut = TestMedia.truncatedCopy(TestMedia.gridClips().findFirst().orElseThrow(), 0.5, tmp);
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("probe", cut.toString()));
        assertTrue(cli.stderr().startsWith("media-tools: TRUNCATED: "), cli.stderr());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(MediaToolsCli.USAGE, cli.run());
        assertEquals(MediaToolsCli.USAGE, cli.run("transcode", "x"));
        assertEquals(MediaToolsCli.USAGE, cli.run("probe"));
        assertTrue(cli.stderr().contains("usage: media-tools probe FILE"));
    }

    @Test
    void scriptPrintsCuesAsJson() throws Exception {
        Path srt = Files.writeString(tmp.resolve("ep3.srt"), "1\n00:00:01,000 --> 00:00:02,000\nANNA: Hola\n");
        assertEquals(MediaToolsCli.OK, cli.run("script", srt.toString()));
        assertEquals("{\"format\":\"SRT\",\"cues\":[{\"id\":\"1\",\"start\":1.0,\"end\":2.0,"
                + "\"character\":\"ANNA\",\"text\":\"Hola\"}]}", cli.stdout().strip());
    }

    @Test
    void brokenScriptListsEveryProblemAndExitsFour() throws Exception {
        Path vtt = Files.writeString(tmp.resolve("ep3.vtt"), "00:01.000 --> 00:02.000\nHello\n");
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("script", vtt.toString()));
        assertEquals("media-tools: ep3.vtt: line 1: a WebVTT file must start with the line 'WEBVTT'", cli.stderr().strip());
        assertEquals(MediaToolsCli.USAGE, cli.run("script", tmp.resolve("notes.docx").toString()));
    }

    @Test
    void scriptThatIsNotUtf8ExitsFourNamingLineAndByte() throws Exception {
        // once exit 3 ("cannot read: Input length = 1"), which means the file is missing or unreadable
        byte[] latin1 = "1\n00:00:01,000 --> 00:00:02,000\nANNA: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path srt = Files.write(tmp.resolve("ep3.srt"), latin1);
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("script", srt.toString()));
        assertEquals("media-tools: ep3.srt: line 3: not UTF-8: invalid byte sequence 0xE9 at byte 41",
                cli.stderr().strip());
        assertEquals("", cli.stdout());
    }

    @Test
    void helpExitsZero() {
        assertEquals(MediaToolsCli.OK, cli.run("--help"));
        assertTrue(cli.stdout().contains("usage: media-tools probe FILE"));
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
        assertEquals(MediaToolsCli.OK, cli.run("dub", plan.toString(), tmp.resolve("out").toString()), cli.stderr());
        assertTrue(cli.stdout().contains("\"flag\":\"NO_MNE_ORIGINAL_AUDIBLE\""), cli.stdout());
        assertTrue(Files.size(tmp.resolve("out/es.dialogue.wav")) > 3 * 48_000 * 3, "3 s of 24-bit mono");
        assertEquals(2, new org.dubgate.media.probe.MediaProber().probe(tmp.resolve("out/programme.mkv"))
                .audioStreams().size());
    }

    @Test
    void dubNamesWhatIsWrongWithAPlan() throws Exception {
        Path plan = Files.writeString(tmp.resolve("plan.json"), "{\"source\":\"x.mp4\",\"length\":-1}");
        assertEquals(MediaToolsCli.USAGE, cli.run("dub", plan.toString(), tmp.resolve("out").toString()));
        assertEquals("media-tools: plan.json: \"length\" must be a number of seconds >= 0", cli.stderr().strip());
    }
}
