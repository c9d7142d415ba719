package org.dubgate.web.job;

import org.dubgate.domain.job.CueOutput;

import java.util.UUID;

/** A synthesized line and what made it: model, the artifact hash it ran with, and the covering grant. */
public record OutputResponse(String id, String taskId, String cueId, double durationSeconds, String sha256,
                             String modelId, String modelSha256, String grantId, boolean quarantined) {

    public static OutputResponse of(CueOutput o) {
        return new OutputResponse(o.id().toString(), o.taskId().toString(), o.cueId(), o.length().toNanos() / 1e9,
                o.contentSha256(), o.modelId().toString(), o.modelSha256(), o.grantId().map(UUID::toString).orElse(null),
                o.quarantined());
    }
}
