package org.dubgate.media.script;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every W3C IMSC 1 test document in {@code ../shared/testdata/imsc1} either yields cues or is refused
 * with a reason that names its element or line; nothing throws. The counts go into the README.
 */
class ImscConformanceTest {

    @Test
    void everyDocumentParsesOrIsRejectedWithAReason() throws Exception {
        List<Path> documents;
        try (Stream<Path> files = Files.walk(TestMedia.testdata().resolve("imsc1"))) {
            documents = files.filter(p -> p.toString().endsWith(".ttml")).sorted().toList();
        }
        assertEquals(277, documents.size());
        int parsed = 0;
        int cues = 0;
        TreeMap<String, Integer> reasons = new TreeMap<>();
        for (Path doc : documents) {
            ScriptParse parse = new ScriptImporter().read(ScriptFormat.TTML, Files.readString(doc, StandardCharsets.UTF_8));
            if (parse.ok()) {
                parsed++;
                cues += parse.cues().size();
                assertFalse(parse.cues().isEmpty(), doc.toString());
                parse.cues().forEach(c -> assertTrue(c.end().compareTo(c.start()) > 0, doc + " " + c));
            } else {
                for (ScriptError e : parse.errors()) {
                    assertFalse(e.where().isBlank(), doc + ": " + e);
                    assertFalse(e.message().isBlank(), doc + ": " + e);
                }
                String first = parse.errors().get(0).message().replaceAll("'[^']*'", "'…'")
                        .replaceAll("\\d+", "N");
                reasons.merge(first, 1, Integer::sum);
            }
        }
        System.out.printf("IMSC 1 conformance: %d of %d documents parsed (%d cues), %d rejected with a reason%n",
                parsed, documents.size(), cues, documents.size() - parsed);
        reasons.forEach((reason, n) -> System.out.printf("  rejected x%d: %s%n", n, reason));
        assertTrue(parsed > documents.size() / 2, "most IMSC test documents carry timed paragraphs");
    }
}
