package org.dubgate.application.approval;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.approval.Escalation;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.approval.WrittenApprovalRepository;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

@Stateless
public class ApprovalService {

    @Inject
    WrittenApprovalRepository approvals;
    @Inject
    AuditLedger ledger;
    @Inject
    Clock clock;

    public WrittenApproval record(Caller admin, String escalation, String subject, String titleCode, UUID jobId,
                                  String text, Instant validUntil) {
        Escalation kind = EnumNames.find(Escalation.class, escalation)
                .orElseThrow(() -> InvalidInputException.of("escalation",
                        "one of " + Arrays.toString(Escalation.values())));
        WrittenApproval approval = WrittenApproval.record(kind, subject, titleCode, jobId, text, validUntil,
                admin.username(), clock.instant());
        approvals.add(approval);
        ledger.append(new AuditRecord(admin.username(), "APPROVAL_RECORDED", "written-approval",
                approval.id().toString(), Optional.empty(), Optional.empty(), "APPROVED", describe(approval).build().toString()));
        return approval;
    }

    public WrittenApproval revoke(Caller admin, UUID id, String reason) {
        WrittenApproval approval = get(id);
        approval.revoke(reason, clock.instant());
        ledger.append(new AuditRecord(admin.username(), "APPROVAL_REVOKED", "written-approval", id.toString(),
                Optional.empty(), Optional.empty(), "REVOKED",
                describe(approval).add("reason", approval.revocationReason().orElse("")).build().toString()));
        return approval;
    }

    public WrittenApproval get(UUID id) {
        return approvals.find(id).orElseThrow(() -> new NoSuchEntityException("written approval", id));
    }

    public Page<WrittenApproval> list(PageRequest page) {
        return approvals.list(page);
    }

    private static JsonObjectBuilder describe(WrittenApproval a) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("escalation", a.escalation().name())
                .add("validUntil", a.validUntil().toString()).add("text", a.text());
        a.subject().ifPresent(s -> b.add("subject", s));
        a.titleCode().ifPresent(t -> b.add("titleCode", t));
        a.jobId().ifPresent(j -> b.add("jobId", j.toString()));
        return b;
    }
}
