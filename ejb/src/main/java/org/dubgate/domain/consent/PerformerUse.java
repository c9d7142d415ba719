package org.dubgate.domain.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a performer's agent is owed an account of: what one job made in one language with one model
 * under one of the performer's grants — lines in their voice ({@code VOICE_SYNTHESIS}: cues, lines) or
 * shots of their on-screen performance re-drawn ({@code LIP_SYNC}: shots, counted in both) — how many
 * are quarantined (their grant revoked), and what became of the job's delivery.
 */
public record PerformerUse(UUID jobId, String titleCode, String language, UUID modelId, String modelName,
                           String modelVersion, UUID grantId, ConsentUse use, int cues, int lines, int quarantinedLines,
                           Instant firstMadeAt, Instant lastMadeAt, Optional<Delivery> delivery) {

    /** The job's delivery: its state (AVAILABLE, RECALLED, EXPIRED) and, once recalled, when and why. */
    public record Delivery(UUID id, String state, Instant deliveredAt, Optional<Instant> recalledAt,
                           Optional<String> recallReason) {

        public boolean recalled() {
            return recalledAt.isPresent();
        }
    }
}
