package org.dubgate.web.media;

import org.dubgate.domain.media.MediaSummary;

import java.time.Instant;

/** One row of the media list: enough to choose a source or a stem by; the probe is on the record itself. */
public record MediaSummaryResponse(String id, String name, String declaredType, long sizeBytes, String state,
                                   Double durationSeconds, Integer audioChannels, String uploadedBy, Instant createdAt) {

    public static MediaSummaryResponse of(MediaSummary m) {
        return new MediaSummaryResponse(m.id().toString(), m.originalName(), m.declaredType(), m.sizeBytes(),
                m.state().name(), m.durationSeconds(), m.audioChannels(), m.uploadedBy(), m.createdAt());
    }
}
