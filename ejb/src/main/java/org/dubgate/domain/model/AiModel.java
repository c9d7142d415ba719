package org.dubgate.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A synthetic-voice or lip-sync model in the registry. The SHA-256 of its artifact (binary, voice
 * data or weights) is computed by the server at registration; a worker compares it again right
 * before use (R5). Approval requires clean data terms unless a written approval overrides them.
 */
@Entity
@Table(name = "ai_model")
public class AiModel {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ModelKind kind;

    @Column(nullable = false, length = 100)
    private String engine;

    @Column(name = "model_version", nullable = false, length = 100)
    private String modelVersion;

    @Column(name = "artifact_location", nullable = false, length = 1000)
    private String artifactLocation;

    @Column(name = "artifact_sha256", nullable = false, length = 64)
    private String artifactSha256;

    @Column(nullable = false, length = 200)
    private String licence;

    @Column(name = "training_data", nullable = false, length = 4000)
    private String trainingData;

    @Column(name = "training_data_licensed", nullable = false)
    private boolean trainingDataLicensed;

    @Column(name = "stores_inputs", nullable = false)
    private boolean storesInputs;

    @Column(name = "trains_on_inputs", nullable = false)
    private boolean trainsOnInputs;

    @Enumerated(EnumType.STRING)
    @Column(name = "execution_site", nullable = false, length = 32)
    private ExecutionSite executionSite;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ModelStatus status;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_note", length = 2000)
    private String decisionNote;

    @Column(name = "override_approval_id")
    private UUID overrideApprovalId;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Version
    private long version;

    protected AiModel() {
        // for JPA
    }

    /** What an admin declares about a model; the artifact hash is not declared but computed. */
    public record Declaration(String name, ModelKind kind, String engine, String version, String artifactLocation,
                              String licence, String trainingData, boolean trainingDataLicensed, boolean storesInputs,
                              boolean trainsOnInputs, ExecutionSite executionSite) {

        public List<FieldError> errors() {
            List<FieldError> errors = new ArrayList<>();
            require(errors, "name", name);
            if (kind == null) {
                errors.add(new FieldError("kind", "required: VOICE or LIP_SYNC"));
            }
            require(errors, "engine", engine);
            require(errors, "version", version);
            require(errors, "artifactLocation", artifactLocation);
            if (executionSite == null) {
                errors.add(new FieldError("executionSite", "required: ON_PREMISES, ENTERPRISE_SECURED or VENDOR_CLOUD"));
            }
            return errors;
        }

        private static void require(List<FieldError> errors, String field, String value) {
            if (Text.trimmed(value).isEmpty()) {
                errors.add(new FieldError(field, "required"));
            }
        }
    }

    public static AiModel register(Declaration d, String artifactSha256, String by, Instant now) {
        List<FieldError> errors = d.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        AiModel m = new AiModel();
        m.id = UUID.randomUUID();
        m.name = d.name().strip();
        m.kind = d.kind();
        m.engine = d.engine().strip();
        m.modelVersion = d.version().strip();
        m.artifactLocation = d.artifactLocation().strip();
        m.artifactSha256 = artifactSha256;
        m.licence = Text.trimmed(d.licence()).orElse("");
        m.trainingData = Text.trimmed(d.trainingData()).orElse("");
        m.trainingDataLicensed = d.trainingDataLicensed();
        m.storesInputs = d.storesInputs();
        m.trainsOnInputs = d.trainsOnInputs();
        m.executionSite = d.executionSite();
        m.status = ModelStatus.PENDING;
        m.registeredBy = by;
        m.registeredAt = now;
        return m;
    }

    /** What keeps this model from clearing R5 on its own; empty when its terms are clean. */
    public List<String> dataTermProblems() {
        List<String> problems = new ArrayList<>();
        if (licence.isEmpty() || licence.toLowerCase(Locale.ROOT).matches("unknown|n/?a|none|\\?")) {
            problems.add("the licence is unknown");
        }
        if (trainingData.isEmpty() || trainingData.toLowerCase(Locale.ROOT).matches("unknown|n/?a|none|\\?")) {
            problems.add("the training data is unknown");
        } else if (!trainingDataLicensed) {
            problems.add("the training data is not licensed");
        }
        if (storesInputs) {
            problems.add("it stores inputs");
        }
        if (trainsOnInputs) {
            problems.add("it trains on inputs");
        }
        if (!executionSite.insideEnterprise()) {
            problems.add("it runs outside the enterprise (" + executionSite + ")");
        }
        return problems;
    }

    public boolean cleanTerms() {
        return dataTermProblems().isEmpty();
    }

    /**
     * Approves the model. Unclean data terms are refused with every reason, unless {@code override}
     * is an admin's written approval naming this model for MODEL_DATA_TERMS.
     */
    public void approve(String by, String note, Optional<WrittenApproval> override, Instant now) {
        if (status != ModelStatus.PENDING) {
            throw new RuleViolationException("model " + id + " is " + status + "; only a PENDING model can be approved");
        }
        List<String> problems = dataTermProblems();
        if (!problems.isEmpty()) {
            if (override.isEmpty()) {
                throw new RuleViolationException("cannot approve model " + name + ": " + String.join("; ", problems)
                        + ". An admin's written approval (MODEL_DATA_TERMS, subject " + id + ") can override this.");
            }
            if (!override.get().overridesDataTermsOf(id, now)) {
                throw new RuleViolationException("written approval " + override.get().id()
                        + " does not override the data terms of model " + id + " (wrong kind, subject, expired or revoked)");
            }
            overrideApprovalId = override.get().id();
        }
        status = ModelStatus.APPROVED;
        decidedBy = by;
        decidedAt = now;
        decisionNote = Text.trimmed(note).map(n -> Text.clip(n, 2000)).orElse(null);
    }

    public void revoke(String by, String reason, Instant now) {
        if (status == ModelStatus.REVOKED) {
            throw new RuleViolationException("model " + id + " is already revoked");
        }
        if (Text.trimmed(reason).isEmpty()) {
            throw InvalidInputException.of("reason", "required");
        }
        status = ModelStatus.REVOKED;
        decidedBy = by;
        decidedAt = now;
        decisionNote = Text.clip(reason.strip(), 2000);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ModelKind kind() {
        return kind;
    }

    public String engine() {
        return engine;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public String artifactLocation() {
        return artifactLocation;
    }

    public String artifactSha256() {
        return artifactSha256;
    }

    public String licence() {
        return licence;
    }

    public String trainingData() {
        return trainingData;
    }

    public boolean trainingDataLicensed() {
        return trainingDataLicensed;
    }

    public boolean storesInputs() {
        return storesInputs;
    }

    public boolean trainsOnInputs() {
        return trainsOnInputs;
    }

    public ExecutionSite executionSite() {
        return executionSite;
    }

    public ModelStatus status() {
        return status;
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<String> decisionNote() {
        return Optional.ofNullable(decisionNote);
    }

    public Optional<UUID> overrideApprovalId() {
        return Optional.ofNullable(overrideApprovalId);
    }

    public String registeredBy() {
        return registeredBy;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
