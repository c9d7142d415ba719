package org.dubgate.media.script;

import java.util.List;

/** Splits a text document into lines the way WebVTT does (CRLF, CR or LF), dropping a leading BOM. */
final class Lines {

    private Lines() {
    }

    static List<String> of(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(t.split("\r\n|\r|\n", -1));
    }
}
