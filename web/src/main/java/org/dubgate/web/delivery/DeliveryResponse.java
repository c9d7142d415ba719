package org.dubgate.web.delivery;

import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryFile;
import org.dubgate.domain.job.JobRepository;

import java.time.Instant;
import java.util.List;

/**
 * A delivery: its state (AVAILABLE, RECALLED with the reason and the cues to recast, EXPIRED once a
 * TEMP delivery's files were removed), its files with their SHA-256, and where to download them.
 */
public record DeliveryResponse(String id, String jobId, String purpose, String state, String manifestSha256,
                               Instant createdAt, String createdBy, Instant expiresAt, Instant recalledAt,
                               String recallReason, Instant filesRemovedAt, List<File> files, List<Recast> recast,
                               String packageUrl) {

    public record File(String name, String kind, String language, String sha256, long sizeBytes, String mediaType,
                       String url) {
    }

    public record Recast(String language, String cueId) {
    }

    public static DeliveryResponse of(Delivery d, List<JobRepository.LineRef> recast) {
        String base = "/api/v1/deliveries/" + d.id();
        return new DeliveryResponse(d.id().toString(), d.jobId().toString(), d.purpose().name(), d.state().name(),
                d.manifestSha256(), d.createdAt(), d.createdBy(), d.expiresAt().orElse(null),
                d.recalledAt().orElse(null), d.recallReason().orElse(null), d.filesRemovedAt().orElse(null),
                d.files().stream().map(f -> file(base, f)).toList(),
                recast.stream().map(r -> new Recast(r.language(), r.cueId())).toList(), base + "/package");
    }

    private static File file(String base, DeliveryFile f) {
        return new File(f.name(), f.kind().name(), f.language().orElse(null), f.contentSha256(), f.sizeBytes(),
                f.mediaType(), base + "/files/" + f.name());
    }
}
