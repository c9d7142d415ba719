package org.dubgate.domain.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * What happened, before it is placed in the chain. {@code detail} is a JSON document with the
 * decision's particulars; {@code performerId} and {@code agency} make it findable for usage reports.
 */
public record AuditRecord(String actor, String action, String subjectType, String subjectId,
                          Optional<UUID> performerId, Optional<String> agency, String decision, String detail) {
}
