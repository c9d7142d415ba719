package org.dubgate.application.identity;

import org.dubgate.domain.identity.Role;
import org.dubgate.domain.identity.UserAccount;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The authenticated person behind a request, passed explicitly to services that scope by it. */
public record Caller(UUID userId, String username, Set<Role> roles, Optional<String> agency) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(UserAccount user) {
        return new Caller(user.id(), user.username(), user.roles(), user.agency());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The agency this caller's queries are limited to: an agent (who is not also an admin) sees only
     * their own agency; admins and managers see every agency (empty).
     */
    public Optional<String> agencyScope() {
        return has(Role.AGENT) && !has(Role.ADMIN) ? agency : Optional.empty();
    }
}
