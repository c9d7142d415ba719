package org.dubgate.web.registry;

import org.dubgate.domain.approval.WrittenApproval;

import java.time.Instant;
import java.util.UUID;

public record ApprovalResponse(String id, String escalation, String subject, String titleCode, String jobId, String text,
                               Instant validUntil, String approvedBy, Instant approvedAt, boolean revoked,
                               String revocationReason) {

    public static ApprovalResponse of(WrittenApproval a) {
        return new ApprovalResponse(a.id().toString(), a.escalation().name(), a.subject().orElse(null),
                a.titleCode().orElse(null), a.jobId().map(UUID::toString).orElse(null), a.text(), a.validUntil(),
                a.approvedBy(), a.approvedAt(), a.revoked(), a.revocationReason().orElse(null));
    }
}
