package org.dubgate.web.identity;

import org.dubgate.domain.identity.Role;
import org.dubgate.domain.identity.UserAccount;

import java.time.Instant;
import java.util.List;

/** A user as the API shows it: never the password hash. */
public record UserResponse(String id, String username, List<String> roles, String agency, boolean enabled,
                           Instant createdAt) {

    public static UserResponse of(UserAccount u) {
        return new UserResponse(u.id().toString(), u.username(), u.roles().stream().map(Role::apiName).sorted().toList(),
                u.agency().orElse(null), u.enabled(), u.createdAt());
    }
}
