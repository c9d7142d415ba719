package org.dubgate.media.json;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * JSON-P (Parsson) with media-tools' conventions: {@link #read} takes one JSON text and names the
 * line and column of what is wrong with it; {@link #write} makes one JSON text, where absent text and
 * unknown measures are {@code null}. The factories are made once: a {@code Json.create*} call looks
 * the provider up every time.
 */
public final class JsonSupport {

    /** Malformed JSON, with where it went wrong ({@code line L, column C: why}). */
    public static final class JsonSyntaxException extends Exception {
        private final int line;
        private final int column;

        JsonSyntaxException(String message, int line, int column) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /** How deep documents may nest, as the hand-written reader this replaced allowed (a dub plan nests five levels). */
    private static final int MAX_DEPTH = 64;

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    /** {@code org.eclipse.parsson.maxDepth}: Parsson's nesting limit (other providers ignore the key). */
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(
            Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH));
    private static final JsonGeneratorFactory GENERATORS = PROVIDER.createGeneratorFactory(Map.of());

    /** Parsson puts the place into its messages too; ours says it once, in front. */
    private static final Pattern PARSSON_LOCATION = Pattern.compile("\\s*at \\(line no=[^)]*\\)");

    private JsonSupport() {
    }

    /** The one JSON value {@code text} holds; only whitespace may follow it. */
    public static JsonValue read(String text) throws JsonSyntaxException {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            try {
                parser.next();
                JsonValue value = parser.getValue();
                long end = parser.getLocation().getStreamOffset();
                try {
                    parser.hasNext(); // at the top level this throws unless only whitespace is left
                } catch (JsonParsingException e) {
                    // Parsson names the token it found (or fails to read one); say what is wrong, where it starts
                    int after = (int) Math.min(Math.max(end, 0), text.length());
                    while (after < text.length() && " \t\r\n".indexOf(text.charAt(after)) >= 0) {
                        after++;
                    }
                    throw syntaxError(text, after, "unexpected text after the JSON value");
                }
                return value;
            } catch (JsonParsingException e) {
                throw syntaxError(text, e.getLocation(), e.getMessage());
            } catch (RuntimeException e) {
                // Parsson reports some input problems without a location: nesting beyond maxDepth as a
                // bare RuntimeException, a number too long or with too large an exponent as an
                // UnsupportedOperationException or NumberFormatException. The input is a string, so no
                // I/O can fail: anything thrown here is about the text, at the parser's position.
                throw syntaxError(text, parser.getLocation(), e.getMessage());
            }
        }
    }

    private static JsonSyntaxException syntaxError(String text, JsonLocation at, String message) {
        // Parsson's offset is the offending character's, but it overshoots once the input is
        // exhausted (each failed refill adds to it again): past the end means at the end
        long offset = at == null ? -1 : at.getStreamOffset();
        int end = offset < 0 || offset > text.length() ? text.length() : (int) offset;
        String why = message == null ? "malformed JSON" : PARSSON_LOCATION.matcher(message).replaceAll("");
        return syntaxError(text, end, why);
    }

    /** Lines end at '\n'; lines and columns count from 1. */
    private static JsonSyntaxException syntaxError(String text, int end, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonSyntaxException(message, line, column);
    }

    /** One JSON text, compact, from the calls {@code body} makes on a generator. */
    public static String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = GENERATORS.createGenerator(out)) {
            body.accept(json);
        }
        return out.toString();
    }

    /** {@code "name": value}, or {@code "name": null} when there is no value. */
    public static JsonGenerator text(JsonGenerator json, String name, String value) {
        return value == null ? json.writeNull(name) : json.write(name, value);
    }

    /** {@code "name": value}; JSON has no NaN or infinity, so an unknown measure is written as null. */
    public static JsonGenerator number(JsonGenerator json, String name, double value) {
        return Double.isFinite(value) ? json.write(name, value) : json.writeNull(name);
    }
}
