package org.dubgate.media.script;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ScriptParsersTest {

    private final ScriptImporter importer = new ScriptImporter();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void srtWithSpeakerPrefixes() throws Exception {
        List<Cue> cues = importer.parse(ScriptFormat.SRT, """
                1
                00:00:01,000 --> 00:00:02,500
                ANNA: Where were you?

                2
                00:00:03,000 --> 00:00:04,000
                <i>DR. LIND: Sit down.</i>
                Now.

                3
                00:00:05,000 --> 00:00:06,000
                Nobody speaks: this is a caption.
                """);
        assertEquals(3, cues.size());
        assertEquals(new Cue("1", ms(1000), ms(2500), Optional.of("ANNA"), "Where were you?", "ANNA: Where were you?", 1),
                cues.get(0));
        assertEquals(Optional.of("DR. LIND"), cues.get(1).character());
        assertEquals("Sit down.\nNow.", cues.get(1).text());
        assertEquals(Optional.empty(), cues.get(2).character(), "lower-case words before a colon are not a speaker");
    }

    @Test
    void srtWithBrokenTimestampsNamesEveryLine() {
        ScriptException e = assertThrows(ScriptException.class, () -> importer.parse(ScriptFormat.SRT, """
                1
                00:00:01,000 -> 00:00:02,000
                Hello

                2
                00:00:61,000 --> 00:01:02,000
                World

                3
                00:00:05,000 --> 00:00:04,000
                Backwards
                """));
        assertEquals(List.of("line 2", "line 6", "line 10"), e.errors().stream().map(ScriptError::where).toList());
        assertTrue(e.errors().get(0).message().contains("malformed timing '00:00:01,000 -> 00:00:02,000'"));
        assertEquals("cue end is not after its start", e.errors().get(2).message());
    }

    @Test
    void webvttVoicesIdsAndEntities() throws Exception {
        List<Cue> cues = importer.parse(ScriptFormat.WEBVTT, """
                WEBVTT - a dubbing script

                NOTE translated by Ines

                intro-1
                00:01.000 --> 00:02.000 line:90%
                <v.angry Mary>No way &amp; no how!</v>

                01:00:00.500 --> 01:00:01.250
                <i>plain</i>
                """);
        assertEquals(2, cues.size());
        assertEquals("intro-1", cues.get(0).id());
        assertEquals(Optional.of("Mary"), cues.get(0).character());
        assertEquals("No way & no how!", cues.get(0).text());
        assertEquals(Duration.ofHours(1).plusMillis(500), cues.get(1).start());
        assertEquals("plain", cues.get(1).text());
    }

    @Test
    void webvttWithoutHeaderIsRefusedPrecisely() {
        ScriptException e = assertThrows(ScriptException.class,
                () -> importer.parse(ScriptFormat.WEBVTT, "00:01.000 --> 00:02.000\nHello\n"));
        assertEquals("line 1: a WebVTT file must start with the line 'WEBVTT'", e.getMessage());
    }

    @Test
    void ttmlWithAgentsFramesAndNesting() throws Exception {
        List<Cue> cues = importer.parse(ScriptFormat.TTML, """
                <?xml version="1.0" encoding="UTF-8"?>
                <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
                    xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25" xml:lang="es">
                  <head><metadata>
                    <ttm:agent xml:id="anna" type="character"><ttm:name type="full">ANNA</ttm:name></ttm:agent>
                  </metadata></head>
                  <body><div begin="10s">
                    <p xml:id="c1" begin="00:00:01:05" end="00:00:02:00" ttm:agent="anna">¿Dónde
                       estabas?<br/>Dime.</p>
                    <p begin="3s" dur="500ms"><span ttm:agent="anna">Vale.</span></p>
                  </div></body>
                </tt>
                """);
        assertEquals(2, cues.size());
        Cue first = cues.get(0);
        assertEquals("c1", first.id());
        assertEquals(Duration.ofMillis(11_200), first.start(), "div begin 10 s + 1 s 5 frames at 25 fps");
        assertEquals(Duration.ofSeconds(12), first.end());
        assertEquals(Optional.of("ANNA"), first.character());
        assertEquals("¿Dónde estabas?\nDime.", first.text());
        assertEquals(Duration.ofMillis(13_500), cues.get(1).end());
        assertEquals(Optional.of("ANNA"), cues.get(1).character());
    }

    @Test
    void xxeAndBillionLaughsAreRefusedBeforeExpansion() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE tt [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s">&secret;</p></div></body></tt>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s">&lol3;</p></div></body></tt>
                """;
        for (String hostile : List.of(xxe, laughs)) {
            ScriptException e = assertThrows(ScriptException.class, () -> importer.parse(ScriptFormat.TTML, hostile));
            assertEquals("line 2: DOCTYPE declarations are not allowed (DTDs and entities are disabled for safety)",
                    e.getMessage());
        }
    }

    @Test
    void ttmlProblemsNameTheirElement() {
        ScriptException e = assertThrows(ScriptException.class, () -> importer.parse(ScriptFormat.TTML, """
                <tt xmlns="http://www.w3.org/ns/ttml"><body><div>
                <p begin="1s">no end</p>
                <p begin="soon" end="2s">bad begin</p>
                </div></body></tt>
                """));
        assertEquals(List.of("<p> at line 2: has no end time (no end or dur on it or an ancestor)",
                "<p> at line 3: begin='soon' is not a TTML time expression"),
                e.errors().stream().map(ScriptError::toString).toList());
        ScriptException notTtml = assertThrows(ScriptException.class,
                () -> importer.parse(ScriptFormat.TTML, "<html><body>hi</body></html>"));
        assertTrue(notTtml.getMessage().contains("not a TTML document"));
    }

    @Test
    void jsonFormWithSecondsOrTimestamps() throws Exception {
        List<Cue> cues = importer.parse(ScriptFormat.JSON, """
                {"cues": [
                  {"id": "a1", "start": 1.5, "end": 3.25, "character": "ANNA", "text": "Hola"},
                  {"id": 2, "start": "00:04.000", "end": "00:05.500", "text": "Adiós"}
                ]}""");
        assertEquals(ms(1500), cues.get(0).start());
        assertEquals(ms(3250), cues.get(0).end());
        assertEquals("2", cues.get(1).id());
        assertEquals(Optional.empty(), cues.get(1).character());
        assertEquals(ms(5500), cues.get(1).end());
    }

    @Test
    void jsonProblemsNameTheirPath() {
        ScriptException e = assertThrows(ScriptException.class, () -> importer.parse(ScriptFormat.JSON,
                "{\"cues\": [{\"start\": 2, \"end\": 1, \"text\": \"x\"}, {\"start\": \"soon\", \"end\": 3}]}"));
        assertEquals(List.of("cues[0].end", "cues[1].start", "cues[1].text"),
                e.errors().stream().map(ScriptError::where).toList());
        ScriptException syntax = assertThrows(ScriptException.class,
                () -> importer.parse(ScriptFormat.JSON, "{\"cues\": [\n{\"start\": 1,,}]}"));
        assertTrue(syntax.getMessage().startsWith("json: line 2, column"), syntax.getMessage());
    }

    @Test
    void duplicateIdsAreRefused() {
        ScriptException e = assertThrows(ScriptException.class, () -> importer.parse(ScriptFormat.JSON,
                "{\"cues\": [{\"id\":\"x\",\"start\":1,\"end\":2,\"text\":\"a\"},{\"id\":\"x\",\"start\":3,\"end\":4,\"text\":\"b\"}]}"));
        assertTrue(e.getMessage().contains("cue id 'x' is used twice"));
    }
}
