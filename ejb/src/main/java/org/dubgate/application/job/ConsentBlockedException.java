package org.dubgate.application.job;

import jakarta.ejb.ApplicationException;
import org.dubgate.application.gate.GateService;

/** The consent gate refused a submission (HTTP 409 with every violation); nothing was queued. */
@ApplicationException(rollback = true)
public class ConsentBlockedException extends RuntimeException {

    private final transient GateService.Check check;

    public ConsentBlockedException(GateService.Check check) {
        super("the consent gate blocked this job: " + check.decision().violations().size() + " violation(s)");
        this.check = check;
    }

    public GateService.Check check() {
        return check;
    }
}
