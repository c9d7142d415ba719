package org.dubgate.web.registry;

import java.time.Instant;
import java.util.UUID;

/** An admin's written approval: which escalation, of what subject, for which title or job, why, until when. */
public record ApprovalRequest(String escalation, String subject, String titleCode, UUID jobId, String text,
                              Instant validUntil) {
}
