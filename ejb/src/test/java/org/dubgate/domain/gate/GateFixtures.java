package org.dubgate.domain.gate;

import org.dubgate.domain.approval.Escalation;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.consent.EvidenceDocument;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ExecutionSite;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.performer.Performer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Builds performers, grants, models and approvals the way the services do, for gate tests. */
final class GateFixtures {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");
    static final String TITLE = "NORTHWIND-S01E03";
    static final String DESCRIPTION = "Synthesize Spanish and English dialogue in the performer's voice for the "
            + "temporary dub of Northwind season one episode three, reviewed internally only.";

    final Map<UUID, Performer> performers = new HashMap<>();
    final List<ConsentGrant> grants = new ArrayList<>();
    final Map<UUID, AiModel> models = new HashMap<>();
    final Map<UUID, HashState> hashes = new HashMap<>();
    final List<WrittenApproval> approvals = new ArrayList<>();

    Performer performer(String name) {
        Performer p = Performer.register("Acme Talent", new Performer.Details(name, null, false, null), FROM);
        performers.put(p.id(), p);
        return p;
    }

    Performer deceased(String name, String estate) {
        Performer p = Performer.register("Acme Talent", new Performer.Details(name, null, true, estate), FROM);
        performers.put(p.id(), p);
        return p;
    }

    static EvidenceDocument evidence() {
        return EvidenceDocument.stored("Acme Talent", EvidenceDocument.Kind.PDF, "e".repeat(64), 1000, "form.pdf",
                "omar", FROM);
    }

    static ConsentGrant.Terms terms(String use, String title, String language, String territory, String purpose,
                                    Instant from, Instant until) {
        return new ConsentGrant.Terms(List.of(use), List.of(title), List.of(language), List.of(territory),
                List.of(purpose), from, until, DESCRIPTION, "CONTRACT-2026-114", null);
    }

    ConsentGrant grant(Performer p, ConsentGrant.Terms terms) {
        ConsentGrant g = ConsentGrant.record(p, terms, evidence(), "omar", FROM);
        grants.add(g);
        return g;
    }

    ConsentGrant voiceGrant(Performer p) {
        return grant(p, terms("VOICE_SYNTHESIS", TITLE, "es", "WORLDWIDE", "TEMP", FROM, UNTIL));
    }

    AiModel model(ModelKind kind, boolean approved) {
        AiModel m = AiModel.register(new AiModel.Declaration("espeak-ng es", kind, "espeak-ng", "1.51",
                "/usr/bin/espeak-ng", "GPL-3.0", "rule-based formant synthesis; no training data", true, false, false,
                ExecutionSite.ON_PREMISES), "a".repeat(64), "admin", FROM);
        if (approved) {
            m.approve("admin", "ok", Optional.empty(), FROM);
        }
        models.put(m.id(), m);
        hashes.put(m.id(), HashState.MATCH);
        return m;
    }

    WrittenApproval approval(Escalation escalation, String subject) {
        WrittenApproval a = WrittenApproval.record(escalation, subject, TITLE, null,
                "Approved after review with legal and the union representative.", UNTIL, "root", FROM);
        approvals.add(a);
        return a;
    }

    GateFacts facts() {
        return new GateFacts(performers, grants, models, hashes, approvals);
    }

    static JobPlan plan(String language, Purpose purpose, JobPlan.Character... characters) {
        return planAt(NOW, "ES", language, purpose, characters);
    }

    static JobPlan planAt(Instant at, String territory, String language, Purpose purpose, JobPlan.Character... characters) {
        return new JobPlan(new TitleCode(TITLE), Territory.parse(territory).orElseThrow(), purpose, at, Optional.empty(),
                List.of(new JobPlan.Target(LanguageTag.parse(language).orElseThrow(), List.of(characters))));
    }

    static JobPlan.Character synthetic(String name, Performer voice, AiModel model) {
        return new JobPlan.Character(name, JobPlan.Approach.SYNTHETIC, Optional.ofNullable(voice).map(Performer::id),
                Optional.of(model.id()), Optional.empty());
    }

    static JobPlan.Character lipSynced(String name, Performer onScreen, AiModel model) {
        return new JobPlan.Character(name, JobPlan.Approach.HUMAN, Optional.empty(), Optional.empty(),
                Optional.of(new JobPlan.LipSync(onScreen.id(), model.id())));
    }
}
