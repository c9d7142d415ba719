package org.dubgate.media.mix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delivered audio file says about itself in its own metadata (R7): that it holds AI-generated
 * content, and which provenance manifest tells how it was made. A stem or mix handed on alone (to a
 * mixing stage, an archive, a platform's ingest) keeps it without the database or the Matroska delivery
 * around it. In a WAV it is the RIFF INFO chunk: the comment as ICMT, the title as INAM, which FFmpeg,
 * players and broadcast tools read.
 *
 * @param comment the disclosure itself, naming the manifest
 * @param title   what the file is, e.g. "Spanish dialogue stem (AI-generated dialogue)"; empty for none
 */
public record Disclosure(String comment, String title) {

    public Disclosure {
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(title, "title");
        if (comment.isBlank()) {
            throw new IllegalArgumentException("a disclosure says something: the comment is blank");
        }
        if (comment.indexOf('\0') >= 0 || title.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("metadata tags are C strings: no NUL character");
        }
    }

    /** AI-generated dialogue whose provenance is in {@code manifestName}, in the words the Matroska delivery uses. */
    public static Disclosure aiDialogue(String manifestName, String title) {
        return new Disclosure("Contains AI-generated dialogue (synthetic voices); provenance in " + manifestName, title);
    }

    /** The container tags, by FFmpeg's generic names ({@code comment}, {@code title}). */
    Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("comment", comment);
        if (!title.isBlank()) {
            tags.put("title", title);
        }
        return tags;
    }

    /** The tags of {@code disclosure}, none without one. */
    static Map<String, String> tagsOf(Optional<Disclosure> disclosure) {
        return disclosure.map(Disclosure::tags).orElse(Map.of());
    }
}
