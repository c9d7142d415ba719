package org.dubgate.web.registry;

import org.dubgate.domain.model.AiModel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registry entry; {@code dataTermProblems} is what keeps it from clearing R5 on its own. */
public record ModelResponse(String id, String name, String kind, String engine, String version, String artifactLocation,
                            String artifactSha256, String licence, String trainingData, boolean trainingDataLicensed,
                            boolean storesInputs, boolean trainsOnInputs, String executionSite, String status,
                            List<String> dataTermProblems, String decidedBy, Instant decidedAt, String decisionNote,
                            String overrideApprovalId, String registeredBy, Instant registeredAt) {

    public static ModelResponse of(AiModel m) {
        return new ModelResponse(m.id().toString(), m.name(), m.kind().name(), m.engine(), m.modelVersion(),
                m.artifactLocation(), m.artifactSha256(), m.licence(), m.trainingData(), m.trainingDataLicensed(),
                m.storesInputs(), m.trainsOnInputs(), m.executionSite().name(), m.status().name(), m.dataTermProblems(),
                m.decidedBy().orElse(null), m.decidedAt().orElse(null), m.decisionNote().orElse(null),
                m.overrideApprovalId().map(UUID::toString).orElse(null), m.registeredBy(), m.registeredAt());
    }
}
