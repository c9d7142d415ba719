package org.dubgate.application.registry;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.approval.WrittenApprovalRepository;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.model.ModelStatus;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.infrastructure.artifact.ArtifactHasher;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class ModelRegistry {

    @Inject
    AiModelRepository models;
    @Inject
    WrittenApprovalRepository approvals;
    @Inject
    ArtifactHasher hasher;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;

    /**
     * Registers a model PENDING, with the SHA-256 the server computes from the artifact itself. For
     * an engine this build runs (espeak-ng, flite) the artifact is exactly what the engine runs from
     * ({@link EngineArtifacts}): left out, the installed engine's binary, libraries and voice data;
     * named, exactly one installation's, or the registration is refused naming the difference.
     */
    public AiModel register(Caller admin, AiModel.Declaration given) {
        AiModel.Declaration declaration = EngineArtifacts.resolve(given);
        var errors = declaration.errors();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String sha256 = hasher.sha256(declaration.artifactLocation().strip()).orElseThrow(() -> InvalidInputException.of(
                "artifactLocation", "nothing at " + declaration.artifactLocation() + " on the server"));
        if (declaration.kind() == org.dubgate.domain.model.ModelKind.LIP_SYNC) {
            loadsAsLipSync(declaration);
        }
        AiModel model = AiModel.register(declaration, sha256, admin.username(), clock.instant());
        models.add(model);
        ledger.append(record(admin, "MODEL_REGISTERED", model, "PENDING"));
        return model;
    }

    /**
     * A lip-sync model on an engine this server runs must load there (a parameter file that parses, an
     * ONNX file of Wav2Lip's signature): refused now, naming what is wrong, rather than at its first task.
     * A model on another engine registers as a voice model on an unknown engine does (a job naming it is
     * refused at submission while no engine here runs it).
     */
    private static void loadsAsLipSync(AiModel.Declaration d) {
        String engine = d.engine().strip();
        if (!org.dubgate.application.pipeline.MouthEngines.runs(engine)) {
            return;
        }
        try (var model = org.dubgate.application.pipeline.MouthEngines.open(engine,
                java.nio.file.Path.of(d.artifactLocation().strip()))) {
            if (model.cropSize() < 16) {
                throw InvalidInputException.of("artifactLocation", "a face crop of " + model.cropSize() + " px is too small");
            }
        } catch (org.dubgate.media.lipsync.LipSyncException e) {
            throw InvalidInputException.of("artifactLocation", "not a " + engine + " model: " + e.getMessage());
        }
    }

    public AiModel approve(Caller admin, UUID id, String note, UUID overrideApprovalId) {
        AiModel model = get(id);
        Optional<WrittenApproval> override = Optional.ofNullable(overrideApprovalId).map(a -> approvals.find(a)
                .orElseThrow(() -> InvalidInputException.of("overrideApprovalId", "no written approval with this id")));
        try {
            model.approve(admin.username(), note, override, clock.instant());
        } catch (RuleViolationException refused) {
            // the refusal is a model decision too (R8); this transaction rolls back, so record it on its own
            ledger.appendOnItsOwn(new AuditRecord(admin.username(), "MODEL_APPROVAL_REFUSED", "model", id.toString(),
                    Optional.empty(), Optional.empty(), "REFUSED",
                    Json.createObjectBuilder().add("reason", refused.getMessage()).build().toString()));
            throw refused;
        }
        ledger.append(record(admin, "MODEL_APPROVED", model, "APPROVED"));
        return model;
    }

    public AiModel revoke(Caller admin, UUID id, String reason) {
        AiModel model = get(id);
        model.revoke(admin.username(), reason, clock.instant());
        ledger.append(record(admin, "MODEL_REVOKED", model, "REVOKED"));
        return model;
    }

    public AiModel get(UUID id) {
        return models.find(id).orElseThrow(() -> new NoSuchEntityException("model", id));
    }

    /** Newest registration first; {@code status} PENDING, APPROVED or REVOKED when given. */
    public Page<AiModel> list(Optional<String> status, PageRequest page) {
        return models.list(EnumNames.parameter(ModelStatus.class, "status", status), page);
    }

    /** Re-hashes the artifact now and compares it with the registry (R5). */
    public HashState verifyArtifact(UUID id) {
        AiModel model = get(id);
        return hasher.check(model.artifactLocation(), model.artifactSha256());
    }

    private static AuditRecord record(Caller admin, String action, AiModel m, String decision) {
        JsonObjectBuilder detail = Json.createObjectBuilder().add("name", m.name()).add("kind", m.kind().name())
                .add("engine", m.engine()).add("version", m.modelVersion()).add("artifactSha256", m.artifactSha256())
                .add("cleanTerms", m.cleanTerms());
        m.decisionNote().ifPresent(n -> detail.add("note", n));
        m.overrideApprovalId().ifPresent(a -> detail.add("overrideApprovalId", a.toString()));
        return new AuditRecord(admin.username(), action, "model", m.id().toString(), Optional.empty(), Optional.empty(),
                decision, detail.build().toString());
    }
}
