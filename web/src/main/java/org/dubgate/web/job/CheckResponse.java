package org.dubgate.web.job;

import org.dubgate.domain.job.QaCheck;

import java.time.Instant;
import java.util.UUID;

/**
 * One automatic QA check: what was checked, on which language (and line, for line checks), the
 * figure with its unit (null when there is nothing to measure: a silent line has no level), the
 * threshold it was held to and the verdict: PASSED, FLAGGED or NOTED (a figure for the record).
 */
public record CheckResponse(String id, String language, String outputId, String cueId, String check, Double figure,
                            String unit, String threshold, String verdict, String detail, Instant createdAt) {

    public static CheckResponse of(QaCheck c) {
        return new CheckResponse(c.id().toString(), c.language(), c.outputId().map(UUID::toString).orElse(null),
                c.cueId().orElse(null), c.kind().name(), c.figure().isPresent() ? c.figure().getAsDouble() : null,
                c.unit(), c.threshold().orElse(null), c.verdict().name(), c.detail().orElse(null), c.createdAt());
    }
}
