package org.dubgate.web.consent;

import org.dubgate.domain.consent.PerformerUse;

import java.time.Instant;

/** One use of a performer's voice: a job's lines in one language with one model under one grant. */
public record PerformerUseResponse(String jobId, String title, String language, String modelId, String model,
                                   String modelVersion, String grantId, int cues, int lines, int quarantinedLines,
                                   Instant firstMadeAt, Instant lastMadeAt, DeliveryView delivery) {

    /** The job's delivery; {@code recalled} with when and why once a revocation recalled it. */
    public record DeliveryView(String id, String state, Instant deliveredAt, boolean recalled, Instant recalledAt,
                               String recallReason) {
    }

    public static PerformerUseResponse of(PerformerUse u) {
        DeliveryView delivery = u.delivery().map(d -> new DeliveryView(d.id().toString(), d.state(), d.deliveredAt(),
                d.recalled(), d.recalledAt().orElse(null), d.recallReason().orElse(null))).orElse(null);
        return new PerformerUseResponse(u.jobId().toString(), u.titleCode(), u.language(), u.modelId().toString(),
                u.modelName(), u.modelVersion(), u.grantId().toString(), u.cues(), u.lines(), u.quarantinedLines(),
                u.firstMadeAt(), u.lastMadeAt(), delivery);
    }
}
