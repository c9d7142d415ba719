package org.dubgate.application.consent;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.performer.PerformerService;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.consent.ConsentGrantRepository;
import org.dubgate.domain.consent.EvidenceDocument;
import org.dubgate.domain.consent.GrantRevoked;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.NoSuchEntityException;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class ConsentService {

    /** An evidence document and its stored bytes, to stream from where they are. */
    public record EvidenceContent(EvidenceDocument document, ContentSource content) {
    }

    @Inject
    ConsentGrantRepository grants;
    @Inject
    PerformerService performers;
    @Inject
    ContentStore store;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;
    @Inject
    Event<GrantRevoked> revoked;

    public EvidenceDocument registerEvidence(Caller agent, String originalName, EvidenceDocument.Kind kind,
                                             StoredContent content) {
        String agency = agent.agency().orElseThrow(() -> new IllegalStateException("an agent has an agency"));
        EvidenceDocument evidence = EvidenceDocument.stored(agency, kind, content.sha256(), content.sizeBytes(),
                originalName, agent.username(), clock.instant());
        grants.addEvidence(evidence);
        return evidence;
    }

    public EvidenceDocument evidence(Caller caller, UUID id) {
        Optional<String> scope = caller.agencyScope();
        return (scope.isPresent() ? grants.findEvidenceInAgency(id, scope.get()) : grants.findEvidence(id))
                .orElseThrow(() -> new NoSuchEntityException("evidence document", id));
    }

    public EvidenceContent evidenceContent(Caller caller, UUID id) {
        EvidenceDocument doc = evidence(caller, id);
        ContentSource content = store.find(doc.contentSha256()).orElseThrow(() -> new IllegalStateException(
                "evidence " + id + " (" + doc.contentSha256() + ") is missing from storage"));
        return new EvidenceContent(doc, content);
    }

    public ConsentGrant record(Caller agent, UUID performerId, UUID evidenceId, ConsentGrant.Terms terms) {
        Performer performer = performers.visible(agent, performerId);
        if (evidenceId == null) {
            throw InvalidInputException.of("evidenceId", "required: upload the signed consent first (POST /consent-evidence)");
        }
        EvidenceDocument evidence = grants.findEvidenceInAgency(evidenceId, performer.agency())
                .orElseThrow(() -> InvalidInputException.of("evidenceId", "no evidence document with this id in the performer's agency"));
        ConsentGrant grant = ConsentGrant.record(performer, terms, evidence, agent.username(), clock.instant());
        grants.add(grant);
        ledger.append(new AuditRecord(agent.username(), "GRANT_RECORDED", "consent-grant", grant.id().toString(),
                Optional.of(performer.id()), Optional.of(performer.agency()), "ACTIVE", Json.createObjectBuilder()
                .add("uses", array(grant.uses().stream().map(Enum::name).sorted().toList()))
                .add("titles", array(grant.titles()))
                .add("languages", array(grant.languages()))
                .add("territories", array(grant.territories()))
                .add("purposes", array(grant.purposes().stream().map(Enum::name).sorted().toList()))
                .add("validFrom", grant.validFrom().toString())
                .add("validUntil", grant.validUntil().toString())
                .add("evidenceSha256", grant.evidenceSha256())
                .add("estateGrant", grant.estateGrant())
                .add("signedBy", grant.signedBy())
                .build().toString()));
        return grant;
    }

    /** Revokes at once; observers of {@link GrantRevoked} block the work that needed it, in this transaction. */
    public ConsentGrant revoke(Caller caller, UUID grantId, String reason) {
        ConsentGrant grant = get(caller, grantId);
        grant.revoke(caller.username(), reason, clock.instant());
        revoked.fire(new GrantRevoked(grant.id(), grant.performerId(), caller.username()));
        ledger.append(new AuditRecord(caller.username(), "GRANT_REVOKED", "consent-grant", grant.id().toString(),
                Optional.of(grant.performerId()), Optional.of(grant.agency()), "REVOKED",
                Json.createObjectBuilder().add("reason", grant.revocationReason().orElse("")).build().toString()));
        return grant;
    }

    public ConsentGrant get(Caller caller, UUID id) {
        Optional<String> scope = caller.agencyScope();
        return (scope.isPresent() ? grants.findInAgency(id, scope.get()) : grants.find(id))
                .orElseThrow(() -> new NoSuchEntityException("consent grant", id));
    }

    /** Every grant of a performer the caller may see, history included. */
    public List<ConsentGrant> forPerformer(Caller caller, UUID performerId) {
        Performer performer = performers.visible(caller, performerId);
        return grants.forPerformers(List.of(performer.id()));
    }

    private static JsonArrayBuilder array(Collection<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.stream().sorted().forEach(a::add);
        return a;
    }
}
