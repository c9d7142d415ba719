package org.dubgate.media.json;

/**
 * A minimal streaming JSON writer, so media-tools needs no JSON library (and no Jakarta JSON-P).
 * Callers are trusted to nest correctly; strings are escaped per RFC 8259. Also used for canonical
 * forms (e.g. audit entries), so its output for a given sequence of calls never changes.
 */
public final class JsonText {

    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    public JsonText beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    public JsonText endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    public JsonText beginArray() {
        separate();
        out.append('[');
        needsComma = false;
        return this;
    }

    public JsonText endArray() {
        out.append(']');
        needsComma = true;
        return this;
    }

    public JsonText name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    public JsonText field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        needsComma = true;
        return this;
    }

    public JsonText field(String name, long value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    public JsonText field(String name, double value) {
        name(name);
        // JSON has no NaN or infinity; an unknown measure is written as null
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
