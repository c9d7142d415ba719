package org.dubgate.web.consent;

import org.dubgate.domain.consent.PerformerUse;

import java.time.Instant;

/**
 * One use of a performer's voice or likeness: a job's lines in one language with one model under one
 * grant ({@code use} VOICE_SYNTHESIS), or its lip-synced shots of their on-screen performance (LIP_SYNC).
 */
public record PerformerUseResponse(String jobId, String title, String language, String modelId, String model,
                                   String modelVersion, String grantId, String use, int cues, int lines,
                                   int quarantinedLines,
                                   Instant firstMadeAt, Instant lastMadeAt, DeliveryView delivery) {

    /** The job's delivery; {@code recalled} with when and why once a revocation recalled it. */
    public record DeliveryView(String id, String state, Instant deliveredAt, boolean recalled, Instant recalledAt,
                               String recallReason) {
    }

    public static PerformerUseResponse of(PerformerUse u) {
        DeliveryView delivery = u.delivery().map(d -> new DeliveryView(d.id().toString(), d.state(), d.deliveredAt(),
                d.recalled(), d.recalledAt().orElse(null), d.recallReason().orElse(null))).orElse(null);
        return new PerformerUseResponse(u.jobId().toString(), u.titleCode(), u.language(), u.modelId().toString(),
                u.modelName(), u.modelVersion(), u.grantId().toString(), u.use().name(), u.cues(), u.lines(), u.quarantinedLines(),
                u.firstMadeAt(), u.lastMadeAt(), delivery);
    }
}
