package org.dubgate.application.port;

import java.util.UUID;

/** One unit of background work: what to do and to which aggregate. Travels as small JSON, never serialized Java. */
public record WorkItem(Kind kind, UUID subjectId) {

    public enum Kind {
        /** Probe an uploaded media asset. */
        PROBE_MEDIA,
        /** Synthesize one batch of a character's cues in one language (subject: the task). */
        SYNTHESIZE
    }
}
