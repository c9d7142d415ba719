package org.dubgate.web.media;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dubgate.domain.media.MediaAsset;

import java.io.StringReader;
import java.time.Instant;

/** A media asset with what probing found ({@code probe}) or why it was refused ({@code reason}). */
public record MediaResponse(String id, String name, String declaredType, long sizeBytes, String sha256, String state,
                            String reason, Double durationSeconds, JsonObject probe, int attempts, String uploadedBy,
                            Instant createdAt, Instant updatedAt) {

    public static MediaResponse of(MediaAsset m) {
        JsonObject probe = m.probeJson().map(j -> {
            try (var reader = Json.createReader(new StringReader(j))) {
                return reader.readObject();
            }
        }).orElse(null);
        return new MediaResponse(m.id().toString(), m.originalName(), m.declaredType(), m.sizeBytes(),
                m.contentSha256(), m.state().name(), m.stateReason().orElse(null), m.durationSeconds().orElse(null),
                probe, m.attempts(), m.uploadedBy(), m.createdAt(), m.updatedAt());
    }
}
