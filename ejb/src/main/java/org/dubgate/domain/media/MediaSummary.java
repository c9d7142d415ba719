package org.dubgate.domain.media;

import java.time.Instant;
import java.util.UUID;

/** A media asset as a list shows it: what a manager picks a source by, without the probe document. */
public record MediaSummary(UUID id, String originalName, String declaredType, long sizeBytes, MediaState state,
                           Double durationSeconds, Integer audioChannels, String uploadedBy, Instant createdAt) {
}
