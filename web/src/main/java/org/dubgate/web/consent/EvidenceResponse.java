package org.dubgate.web.consent;

import org.dubgate.domain.consent.EvidenceDocument;

import java.time.Instant;

public record EvidenceResponse(String id, String mediaType, long sizeBytes, String sha256, String originalName,
                               String uploadedBy, Instant createdAt) {

    public static EvidenceResponse of(EvidenceDocument e) {
        return new EvidenceResponse(e.id().toString(), e.mediaType(), e.sizeBytes(), e.contentSha256(),
                e.originalName(), e.uploadedBy(), e.createdAt());
    }
}
