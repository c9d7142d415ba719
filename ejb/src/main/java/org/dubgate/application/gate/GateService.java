package org.dubgate.application.gate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.approval.WrittenApprovalRepository;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.ConsentGrantRepository;
import org.dubgate.domain.gate.ConsentGate;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.gate.GateFacts;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.performer.PerformerRepository;
import org.dubgate.infrastructure.artifact.ArtifactHasher;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the gate: loads only the facts the plan touches (its performers' grants, its models, the
 * approvals of its title and job), decides, and appends the decision to the ledger — one summary
 * entry and one per performer use, so each performer's usage report can list it.
 */
@Stateless
public class GateService {

    /** A gate run: its id (the ledger subject), the plan's instant and the decision. */
    public record Check(UUID checkId, String context, GateDecision decision) {
    }

    private final ConsentGate gate = new ConsentGate();

    @Inject
    PerformerRepository performers;
    @Inject
    ConsentGrantRepository grants;
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

    /** A dry run for a manager, or a check on job submission; {@code context} says which. */
    public Check check(Caller caller, PlanInput input, String context) {
        JobPlan plan = input.toPlan(clock.instant());
        GateFacts facts = factsFor(plan);
        GateDecision decision = gate.evaluate(plan, facts);
        UUID checkId = UUID.randomUUID();
        record(caller, checkId, context, plan, decision, facts.performers());
        return new Check(checkId, context, decision);
    }

    /**
     * The same check in a transaction of its own: a refused submission rolls back, but the decision
     * that refused it stays in the ledger.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Check checkOnItsOwn(Caller caller, PlanInput input, String context) {
        return check(caller, input, context);
    }

    /**
     * A job's plan checked again as it stands (at delivery: its consent and written approvals still
     * valid), recorded in the ledger in a transaction of its own like a submission's check.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Check checkPlanOnItsOwn(Caller caller, JobPlan plan, String context) {
        GateFacts facts = factsFor(plan);
        GateDecision decision = gate.evaluate(plan, facts);
        UUID checkId = UUID.randomUUID();
        record(caller, checkId, context, plan, decision, facts.performers());
        return new Check(checkId, context, decision);
    }

    /** A decision without a ledger entry, for a worker's re-check right before and after it runs a model (R9). */
    public GateDecision decide(JobPlan plan) {
        return gate.evaluate(plan, factsFor(plan));
    }

    /** Only what this plan needs; the grants query is by performer id (indexed), never a scan. */
    public GateFacts factsFor(JobPlan plan) {
        Set<UUID> performerIds = new LinkedHashSet<>();
        Set<UUID> modelIds = new LinkedHashSet<>();
        plan.targets().forEach(t -> t.characters().forEach(c -> {
            c.voicePerformerId().ifPresent(performerIds::add);
            c.voiceModelId().ifPresent(modelIds::add);
            c.lipSync().ifPresent(l -> {
                performerIds.add(l.onScreenPerformerId());
                modelIds.add(l.modelId());
            });
        }));
        Map<UUID, Performer> people = performers.findAll(performerIds);
        Map<UUID, AiModel> registry = models.findAll(modelIds);
        Map<UUID, HashState> hashes = new HashMap<>();
        registry.values().forEach(m -> hashes.put(m.id(), hasher.check(m.artifactLocation(), m.artifactSha256())));
        return new GateFacts(people, grants.forPerformers(people.keySet()), registry, hashes,
                approvals.forScope(plan.title().value(), plan.jobId()));
    }

    private void record(Caller caller, UUID checkId, String context, JobPlan plan, GateDecision decision,
                        Map<UUID, Performer> people) {
        JsonArrayBuilder violations = Json.createArrayBuilder();
        decision.violations().forEach(v -> violations.add(v.code() + ": " + v.message()));
        ledger.append(new AuditRecord(caller.username(), "GATE_DECISION", "consent-check", checkId.toString(),
                Optional.empty(), Optional.empty(), decision.allowed() ? "ALLOWED" : "BLOCKED",
                Json.createObjectBuilder().add("context", context).add("title", plan.title().value())
                        .add("territory", plan.territory().code()).add("purpose", plan.purpose().name())
                        .add("at", plan.at().toString()).add("violations", violations).build().toString()));
        for (GateDecision.UseDecision use : decision.uses()) {
            Optional<String> agency = Optional.ofNullable(people.get(use.performerId())).map(Performer::agency);
            JsonArrayBuilder reasons = Json.createArrayBuilder();
            use.reasons().forEach(reasons::add);
            var detail = Json.createObjectBuilder().add("checkId", checkId.toString()).add("context", context)
                    .add("use", use.use()).add("language", use.language()).add("title", plan.title().value())
                    .add("territory", plan.territory().code()).add("purpose", plan.purpose().name())
                    .add("reasons", reasons);
            if (use.grantId() != null) {
                detail.add("grantId", use.grantId().toString());
            }
            ledger.append(new AuditRecord(caller.username(), "GATE_USE_DECISION", "consent-check", checkId.toString(),
                    Optional.of(use.performerId()), agency,
                    use.covered() ? "COVERED" : "NOT_COVERED", detail.build().toString()));
        }
    }
}
