package org.dubgate.web.identity;

import org.dubgate.domain.identity.Role;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The body of user requests. Creating a user uses every field; assigning roles uses
 * {@code roles} and {@code agency}; a password change uses {@code currentPassword} and {@code password}.
 */
public record UserRequest(String username, String password, String currentPassword, List<String> roles,
                          String agency) {

    /** The roles named, each checked; unknown names are reported with their position. */
    public Set<Role> parsedRoles() {
        if (roles == null) {
            return EnumSet.noneOf(Role.class);
        }
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            String name = roles.get(i);
            int index = i;
            Role.fromApiName(name).ifPresentOrElse(parsed::add, () -> errors.add(new FieldError("roles[" + index + "]",
                    "unknown role '" + name + "'; one of manager, agent, qa, admin")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return parsed;
    }

    public Optional<String> agencyName() {
        return Optional.ofNullable(agency).filter(a -> !a.isBlank());
    }

    public static UserRequest require(UserRequest body) {
        if (body == null) {
            throw InvalidInputException.of("body", "a JSON body is required");
        }
        return body;
    }
}
