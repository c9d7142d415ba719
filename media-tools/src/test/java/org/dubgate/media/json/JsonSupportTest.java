package org.dubgate.media.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class JsonSupportTest {

    private static String error(String text) {
        return assertThrows(JsonSupport.JsonSyntaxException.class, () -> JsonSupport.read(text)).getMessage();
    }

    @Test
    void readsOneValue() throws Exception {
        JsonObject o = (JsonObject) JsonSupport.read(" {\"cues\": [{\"start\": 1.5, \"text\": \"Adi\\u00f3s\"}], \"x\": null}\n");
        JsonObject cue = ((JsonArray) o.get("cues")).getJsonObject(0);
        assertEquals(1.5, cue.getJsonNumber("start").doubleValue());
        assertEquals("Adiós", cue.getString("text"));
        assertEquals(JsonValue.NULL, o.get("x"));
        assertEquals(JsonValue.TRUE, JsonSupport.read("true"));
    }

    @Test
    void errorsNameLineAndColumnOfTheOffendingCharacter() {
        assertTrue(error("{\"cues\": [\n{\"start\": 1,,}]}").startsWith("line 2, column 13: "));
        assertEquals("line 1, column 14: unexpected text after the JSON value", error("{\"cues\": []} trailing"));
        assertEquals("line 2, column 1: unexpected text after the JSON value", error("[1]\n{}"));
        assertFalse(error("{\"a\": [1, 2}").contains("line no="), "Parsson's own location is not repeated");
    }

    @Test
    void theEndOfInputIsWhereTheTextEnds() {
        // Parsson's own offset overshoots the end of the input here
        assertTrue(error("").startsWith("line 1, column 1: "));
        assertTrue(error("{\"a\": [1").startsWith("line 1, column 9: "), error("{\"a\": [1"));
        assertTrue(error("{\"a\":\n  \"b").startsWith("line 2, column 5: "), error("{\"a\":\n  \"b"));
    }

    @Test
    void limitsAreSyntaxErrorsToo() {
        assertTrue(error("[".repeat(70) + "]".repeat(70)).contains("nested"));
        assertTrue(error("[1e99999999999]").startsWith("line 1, column"));
        assertTrue(error("[1." + "1".repeat(2000) + "]").startsWith("line 1, column"));
    }

    @Test
    void writesNullForAbsentTextAndUnknownMeasures() {
        String json = JsonSupport.write(g -> {
            g.writeStartObject();
            JsonSupport.text(g, "a", null);
            JsonSupport.text(g, "b", "say \"hi\" \\ é");
            JsonSupport.number(g, "c", Double.NaN);
            JsonSupport.number(g, "d", Double.POSITIVE_INFINITY);
            JsonSupport.number(g, "e", 25.0);
            g.write("f", 3L).writeEnd();
        });
        assertEquals("{\"a\":null,\"b\":\"say \\\"hi\\\" \\\\ é\",\"c\":null,\"d\":null,\"e\":25.0,\"f\":3}", json);
    }
}
