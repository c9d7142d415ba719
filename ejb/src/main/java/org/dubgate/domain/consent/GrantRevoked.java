package org.dubgate.domain.consent;

import java.util.UUID;

/** Domain event: a consent grant was revoked, by whom. Observers stop and quarantine what depended on it. */
public record GrantRevoked(UUID grantId, UUID performerId, String revokedBy) {
}
