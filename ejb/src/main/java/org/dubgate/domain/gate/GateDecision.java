package org.dubgate.domain.gate;

import java.util.List;
import java.util.UUID;

/**
 * Every decision the gate made, with its reason; {@code allowed} only when there is no violation.
 * Absent values are {@code null} so the report reads the same in JSON as here.
 */
public record GateDecision(boolean allowed, List<UseDecision> uses, List<ModelDecision> models,
                           List<EscalationDecision> escalations, List<Violation> violations) {

    public GateDecision {
        uses = List.copyOf(uses);
        models = List.copyOf(models);
        escalations = List.copyOf(escalations);
        violations = List.copyOf(violations);
    }

    /**
     * Why the planned work may not run, if it may not: every violation as {@code CODE: message}, which
     * includes a model whose artifact no longer hashes to its registered SHA-256 (R5).
     */
    public java.util.Optional<String> refusal() {
        return allowed ? java.util.Optional.empty() : java.util.Optional.of(violations.stream()
                .map(v -> v.code() + ": " + v.message()).collect(java.util.stream.Collectors.joining("; ")));
    }

    /**
     * One (performer, use, language) the plan needs. {@code grantId} is the covering grant; when
     * none covers, {@code reasons} say why and {@code nearestGrantId} names the grant that came closest.
     */
    public record UseDecision(UUID performerId, String performer, String use, String language, List<String> characters,
                              boolean covered, UUID grantId, UUID nearestGrantId, List<String> reasons) {
    }

    /** One model the plan runs: registry status, artifact hash check and data terms. */
    public record ModelDecision(UUID modelId, String name, String requiredKind, String status, String hashState,
                                boolean cleanTerms, boolean usable, List<String> problems) {
    }

    /** One use the rules cannot clear alone (R4) and the written approval that clears it, if any. */
    public record EscalationDecision(String escalation, String subject, String why, boolean cleared, UUID approvalId) {
    }

    /** A reason the job is blocked: who, which use, which language/territory/purpose, and why. */
    public record Violation(String code, String message, UUID performerId, String use, String language,
                            String territory, String purpose, String subject) {
    }
}
