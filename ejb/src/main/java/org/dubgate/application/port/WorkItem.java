package org.dubgate.application.port;

import java.util.UUID;

/** One unit of background work: what to do and to which aggregate. Travels as small JSON, never serialized Java. */
public record WorkItem(Kind kind, UUID subjectId) {

    public enum Kind {
        /** Probe an uploaded media asset. */
        PROBE_MEDIA,
        /** Synthesize one batch of a character's cues in one language (subject: the task). */
        SYNTHESIZE,
        /** Time-fit and mix one language: dialogue stem and full mix (subject: the task). */
        MIX,
        /** Mux the picture with the original and every language's mix (subject: the task). */
        ASSEMBLE
    }
}
