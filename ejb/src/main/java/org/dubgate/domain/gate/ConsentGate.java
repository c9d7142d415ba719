package org.dubgate.domain.gate;

import org.dubgate.domain.approval.Escalation;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.consent.ConsentReason;
import org.dubgate.domain.consent.ConsentUse;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.UseRequest;
import org.dubgate.domain.gate.GateDecision.EscalationDecision;
import org.dubgate.domain.gate.GateDecision.ModelDecision;
import org.dubgate.domain.gate.GateDecision.UseDecision;
import org.dubgate.domain.gate.GateDecision.Violation;
import org.dubgate.domain.gate.JobPlan.Approach;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.model.ModelStatus;
import org.dubgate.domain.performer.Performer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides a {@link JobPlan} against the {@link GateFacts}: R1 (a covering ACTIVE grant per
 * performer, use and language), R2 (titles named explicitly — enforced when grants are recorded,
 * matched exactly here), R3 and R4 (estate grants, stock voices, FINAL purpose and models with
 * unclean terms need a written approval) and R5 (models APPROVED, of the right kind, with an
 * artifact whose hash matches the registry). Collects every violation rather than stopping at the first.
 */
public final class ConsentGate {

    private record UseKey(UUID performerId, ConsentUse use, LanguageTag language) {
    }

    private record EscalationKey(Escalation escalation, String subject) {
    }

    public GateDecision evaluate(JobPlan plan, GateFacts facts) {
        Map<UseKey, List<String>> uses = new LinkedHashMap<>();
        Map<UUID, ModelKind> models = new LinkedHashMap<>();
        Map<EscalationKey, String> escalations = new LinkedHashMap<>();
        collectNeeds(plan, uses, models, escalations);

        List<Violation> violations = new ArrayList<>();
        List<UseDecision> useDecisions = new ArrayList<>();
        Map<UUID, List<ConsentGrant>> grantsByPerformer = new HashMap<>();
        facts.grants().forEach(g -> grantsByPerformer.computeIfAbsent(g.performerId(), p -> new ArrayList<>()).add(g));
        uses.forEach((key, characters) -> useDecisions.add(decideUse(plan, facts,
                grantsByPerformer.getOrDefault(key.performerId(), List.of()), key, characters, escalations, violations)));
        List<ModelDecision> modelDecisions = new ArrayList<>();
        models.forEach((id, kind) -> modelDecisions.add(decideModel(facts, id, kind, escalations, violations)));
        List<EscalationDecision> escalationDecisions = new ArrayList<>();
        escalations.forEach((key, why) ->
                escalationDecisions.add(decideEscalation(plan, facts, key, why, violations)));
        return new GateDecision(violations.isEmpty(), useDecisions, modelDecisions, escalationDecisions, violations);
    }

    private static void collectNeeds(JobPlan plan, Map<UseKey, List<String>> uses, Map<UUID, ModelKind> models,
                                     Map<EscalationKey, String> escalations) {
        for (JobPlan.Target target : plan.targets()) {
            for (JobPlan.Character c : target.characters()) {
                if (c.approach() == Approach.SYNTHETIC) {
                    c.voiceModelId().ifPresent(m -> models.putIfAbsent(m, ModelKind.VOICE));
                    if (c.voicePerformerId().isPresent()) {
                        uses.computeIfAbsent(new UseKey(c.voicePerformerId().get(), ConsentUse.VOICE_SYNTHESIS,
                                target.language()), k -> new ArrayList<>()).add(c.name());
                    } else {
                        escalations.putIfAbsent(new EscalationKey(Escalation.STOCK_VOICE, c.name()),
                                "character " + c.name() + " uses a stock synthetic voice that belongs to no consenting performer");
                    }
                }
                c.lipSync().ifPresent(ls -> {
                    models.putIfAbsent(ls.modelId(), ModelKind.LIP_SYNC);
                    uses.computeIfAbsent(new UseKey(ls.onScreenPerformerId(), ConsentUse.LIP_SYNC, target.language()),
                            k -> new ArrayList<>()).add(c.name());
                });
            }
        }
        if (plan.purpose() == org.dubgate.domain.consent.Purpose.FINAL) {
            escalations.putIfAbsent(new EscalationKey(Escalation.FINAL_PURPOSE, null),
                    "synthetic material for the FINAL deliverable");
        }
    }

    private static UseDecision decideUse(JobPlan plan, GateFacts facts, List<ConsentGrant> performerGrants, UseKey key,
                                         List<String> characters, Map<EscalationKey, String> escalations,
                                         List<Violation> violations) {
        Performer performer = facts.performers().get(key.performerId());
        String use = key.use().name();
        String language = key.language().value();
        if (performer == null) {
            violations.add(new Violation("PERFORMER_UNKNOWN", "no performer with id " + key.performerId(),
                    key.performerId(), use, language, plan.territory().code(), plan.purpose().name(), null));
            return new UseDecision(key.performerId(), null, use, language, characters, false, null, null,
                    List.of("PERFORMER_UNKNOWN"));
        }
        UseRequest request = new UseRequest(key.performerId(), key.use(), plan.title(), key.language(),
                plan.territory(), plan.purpose(), plan.at());
        // each candidate's shortfalls, computed once
        Map<ConsentGrant, List<ConsentReason>> candidates = new LinkedHashMap<>();
        performerGrants.stream().filter(g -> g.permits(key.use())).forEach(g -> candidates.put(g, g.shortfalls(request)));
        Optional<ConsentGrant> covering = candidates.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).max(Comparator.comparing(ConsentGrant::validUntil));
        if (covering.isPresent()) {
            ConsentGrant grant = covering.get();
            if (performer.deceased() || grant.estateGrant()) {
                escalations.putIfAbsent(new EscalationKey(Escalation.ESTATE_GRANT, performer.id().toString()),
                        performer.displayName() + " is deceased: the estate's grant needs an admin's written approval");
            }
            return new UseDecision(performer.id(), performer.displayName(), use, language, characters, true,
                    grant.id(), null, List.of());
        }
        Optional<ConsentGrant> nearest = candidates.keySet().stream()
                .min(Comparator.comparingInt((ConsentGrant g) -> candidates.get(g).size())
                        .thenComparing(ConsentGrant::validUntil, Comparator.reverseOrder()));
        List<ConsentReason> reasons = nearest.map(candidates::get).orElse(List.of(ConsentReason.NO_GRANT));
        for (ConsentReason reason : reasons) {
            violations.add(new Violation(reason.name(), performer.displayName() + ": " + reason.text() + " ("
                    + use + ", " + language + ", " + plan.territory() + ", " + plan.purpose() + ", title " + plan.title() + ")",
                    performer.id(), use, language, plan.territory().code(), plan.purpose().name(), null));
        }
        return new UseDecision(performer.id(), performer.displayName(), use, language, characters, false, null,
                nearest.map(ConsentGrant::id).orElse(null), reasons.stream().map(Enum::name).toList());
    }

    private static ModelDecision decideModel(GateFacts facts, UUID id, ModelKind kind,
                                             Map<EscalationKey, String> escalations, List<Violation> violations) {
        AiModel model = facts.models().get(id);
        if (model == null) {
            violations.add(new Violation("MODEL_UNKNOWN", "no model with id " + id + " in the registry",
                    null, null, null, null, null, id.toString()));
            return new ModelDecision(id, null, kind.name(), null, null, false, false, List.of("MODEL_UNKNOWN"));
        }
        List<String> problems = new ArrayList<>();
        if (model.kind() != kind) {
            problems.add("MODEL_WRONG_KIND");
            violations.add(modelViolation("MODEL_WRONG_KIND", model, "is a " + model.kind() + " model; a " + kind + " model is needed"));
        }
        if (model.status() != ModelStatus.APPROVED) {
            problems.add("MODEL_NOT_APPROVED");
            violations.add(modelViolation("MODEL_NOT_APPROVED", model, "is " + model.status() + " in the registry, not APPROVED"));
        }
        HashState hash = Objects.requireNonNullElse(facts.artifactHashes().get(id), HashState.MISSING);
        if (hash != HashState.MATCH) {
            String code = hash == HashState.MISSING ? "MODEL_ARTIFACT_MISSING" : "MODEL_HASH_MISMATCH";
            problems.add(code);
            violations.add(modelViolation(code, model, hash == HashState.MISSING
                    ? "artifact is missing at " + model.artifactLocation()
                    : "artifact no longer matches the SHA-256 in the registry"));
        }
        if (!model.cleanTerms()) {
            escalations.putIfAbsent(new EscalationKey(Escalation.MODEL_DATA_TERMS, model.id().toString()),
                    "model " + model.name() + ": " + String.join("; ", model.dataTermProblems()));
        }
        return new ModelDecision(id, model.name(), kind.name(), model.status().name(), hash.name(), model.cleanTerms(),
                problems.isEmpty(), problems);
    }

    private static Violation modelViolation(String code, AiModel model, String what) {
        return new Violation(code, "model " + model.name() + " " + model.modelVersion() + " " + what,
                null, null, null, null, null, model.id().toString());
    }

    private static EscalationDecision decideEscalation(JobPlan plan, GateFacts facts, EscalationKey key, String why,
                                                       List<Violation> violations) {
        Optional<WrittenApproval> approval = facts.approvals().stream()
                .filter(a -> a.clears(key.escalation(), Optional.ofNullable(key.subject()), plan.title(), plan.jobId(), plan.at()))
                .findFirst();
        if (approval.isEmpty()) {
            violations.add(new Violation("APPROVAL_MISSING", why + ": needs an admin's written approval ("
                    + key.escalation() + (key.subject() == null ? "" : ", subject " + key.subject())
                    + ") for title " + plan.title() + " or this job", null, null, null, plan.territory().code(),
                    plan.purpose().name(), key.subject()));
        }
        return new EscalationDecision(key.escalation().name(), key.subject(), why, approval.isPresent(),
                approval.map(WrittenApproval::id).orElse(null));
    }
}
