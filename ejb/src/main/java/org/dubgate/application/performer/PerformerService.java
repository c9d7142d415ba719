package org.dubgate.application.performer;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.performer.PerformerRepository;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.shared.RuleViolationException;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class PerformerService {

    @Inject
    PerformerRepository performers;
    @Inject
    Clock clock;

    public Performer register(Caller agent, Performer.Details details) {
        String agency = agent.agency().orElseThrow(() -> new RuleViolationException(
                "only an agent of an agency registers performers"));
        Performer performer = Performer.register(agency, details, clock.instant());
        performers.add(performer);
        return performer;
    }

    public Performer edit(Caller caller, UUID id, Performer.Details details) {
        Performer performer = visible(caller, id);
        performer.edit(details, clock.instant());
        return performer;
    }

    /** A performer the caller may see; another agency's performer is reported as not existing. */
    public Performer visible(Caller caller, UUID id) {
        Optional<String> scope = caller.agencyScope();
        return (scope.isPresent() ? performers.findInAgency(id, scope.get()) : performers.find(id))
                .orElseThrow(() -> new NoSuchEntityException("performer", id));
    }

    public Page<Performer> list(Caller caller, PageRequest page) {
        return performers.list(caller.agencyScope(), page);
    }
}
