package org.dubgate.media.script;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Scripts beyond the stated limits are refused at once, naming the limit; over-long lines name their cue. */
class ScriptLimitsTest {

    private static final ScriptLimits SMALL = new ScriptLimits(3, 20);
    private final ScriptImporter importer = new ScriptImporter(SMALL);

    private static String webvtt(int cues, String text) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < cues; i++) {
            s.append(String.format("00:%02d.000 --> 00:%02d.500\n%s\n\n", i, i, text));
        }
        return s.toString();
    }

    private static String srt(int cues) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cues; i++) {
            s.append(i + 1).append(String.format("\n00:00:%02d,000 --> 00:00:%02d,500\nANNA: Hi\n\n", i, i));
        }
        return s.toString();
    }

    private static String ttml(int cues) {
        StringBuilder s = new StringBuilder("<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div>");
        for (int i = 0; i < cues; i++) {
            s.append(String.format("<p begin=\"%ds\" end=\"%d.5s\">Hi</p>", i, i));
        }
        return s.append("</div></body></tt>").toString();
    }

    private static String json(int cues) {
        StringBuilder s = new StringBuilder("{\"cues\":[");
        for (int i = 0; i < cues; i++) {
            s.append(i == 0 ? "" : ",").append(String.format("{\"start\":%d,\"end\":%d.5,\"text\":\"Hi\"}", i, i));
        }
        return s.append("]}").toString();
    }

    @Test
    void scriptsAtTheLimitPassInEveryFormat() throws Exception {
        assertEquals(3, importer.parse(ScriptFormat.WEBVTT, webvtt(3, "Hi")).size());
        assertEquals(3, importer.parse(ScriptFormat.SRT, srt(3)).size());
        assertEquals(3, importer.parse(ScriptFormat.TTML, ttml(3)).size());
        assertEquals(3, importer.parse(ScriptFormat.JSON, json(3)).size());
    }

    @Test
    void oneCueMoreIsRefusedAtOnceWithOnlyTheLimit() {
        for (ScriptParse parse : List.of(importer.read(ScriptFormat.WEBVTT, webvtt(4, "Hi")),
                importer.read(ScriptFormat.SRT, srt(4)), importer.read(ScriptFormat.TTML, ttml(4)),
                importer.read(ScriptFormat.JSON, json(4)))) {
            assertTrue(parse.refused(), parse.format() + " refused as a whole");
            assertEquals(List.of(new ScriptError("file", "more than 3 cues: at most 3 per script")), parse.errors(),
                    parse.format().name());
            assertEquals(List.of(), parse.cues());
        }
    }

    @Test
    void brokenBlocksCountTowardsTheLimitSoErrorsCannotPileUp() {
        // a hostile file of nothing but malformed blocks stops at the limit too, not one error per block
        ScriptParse parse = importer.read(ScriptFormat.SRT, "x\n\n".repeat(100_000));
        assertTrue(parse.refused());
        assertEquals(1, parse.errors().size());
        ScriptParse vtt = importer.read(ScriptFormat.WEBVTT, "WEBVTT\n\n" + "oops\n\n".repeat(100_000));
        assertTrue(vtt.refused());
        assertEquals(1, vtt.errors().size());
    }

    @Test
    void lineLongerThanTheLimitNamesTheCueAndTheLimit() {
        String text = "x".repeat(21);
        ScriptParse parse = importer.read(ScriptFormat.WEBVTT, "WEBVTT\n\nc1\n00:01.000 --> 00:02.000\nfine\n\n"
                + "c2\n00:03.000 --> 00:04.000\n" + text + "\n");
        assertFalse(parse.refused(), "the script is read; the cue is one problem among any others");
        assertEquals(List.of(new ScriptError("line 8", "cue c2: its text is 21 characters long, more than the 20 "
                + "allowed per cue")), parse.errors());
    }

    @Test
    void charactersAreCountedAsCodePointsNotUtf16Units() throws Exception {
        // 20 clapper boards: 40 UTF-16 units, 20 characters
        assertEquals(1, importer.parse(ScriptFormat.WEBVTT, webvtt(1, "\uD83C\uDFAC".repeat(20))).size());
    }

    @Test
    void loneSurrogateIsRefusedWithItsLine() {
        ScriptParse parse = new ScriptImporter().read(ScriptFormat.WEBVTT,
                "WEBVTT\n\n00:01.000 --> 00:02.000\nHola \uD800 y \uDC00\n");
        assertEquals(List.of(new ScriptError("line 4", "an unpaired UTF-16 surrogate (U+D800) at character 6: "
                + "not Unicode text")), parse.errors());
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ScriptLimits(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new ScriptLimits(10, -1));
        assertEquals(new ScriptLimits(10_000, 1_000), ScriptLimits.DEFAULT);
    }
}
