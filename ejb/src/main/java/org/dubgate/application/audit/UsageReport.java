package org.dubgate.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.performer.PerformerService;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.consent.PerformerUse;
import org.dubgate.domain.consent.PerformerUseRepository;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * For a performer's agent or an admin: the uses of the performer's voice (the lines made under their
 * grants, per job, language, model and grant, with what became of the delivery), and every ledger
 * entry that involved the performer — grants, revocations, gate decisions with the covering grant.
 */
@Stateless
public class UsageReport {

    @Inject
    PerformerService performers;
    @Inject
    AuditReader reader;
    @Inject
    PerformerUseRepository uses;

    /** The lines made with the performer's voice, grouped per job, language, model and grant (newest first). */
    public List<PerformerUse> uses(Caller caller, UUID performerId, int limit) {
        Performer performer = performers.visible(caller, performerId);
        return uses.ofPerformer(performer.id(), Math.max(1, Math.min(limit, PageRequest.MAX_LIMIT)));
    }

    public Page<AuditEntry> forPerformer(Caller caller, UUID performerId, PageRequest page) {
        Performer performer = performers.visible(caller, performerId);
        return reader.search(new AuditRepository.Filter(Optional.empty(), Optional.of(performer.id()),
                Optional.empty(), Optional.empty(), Optional.empty()), page);
    }
}
