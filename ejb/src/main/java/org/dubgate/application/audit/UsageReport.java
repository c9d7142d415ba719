package org.dubgate.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.performer.PerformerService;
import org.dubgate.domain.audit.AuditEntry;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.Optional;
import java.util.UUID;

/**
 * Every ledger entry that involved a performer — grants, revocations, gate decisions with the
 * grant that covered them (later also tasks and deliveries) — for that performer's agent or an admin.
 */
@Stateless
public class UsageReport {

    @Inject
    PerformerService performers;
    @Inject
    AuditReader reader;

    public Page<AuditEntry> forPerformer(Caller caller, UUID performerId, PageRequest page) {
        Performer performer = performers.visible(caller, performerId);
        return reader.search(new AuditRepository.Filter(Optional.empty(), Optional.of(performer.id()),
                Optional.empty(), Optional.empty(), Optional.empty()), page);
    }
}
