package org.dubgate.web.identity;

import java.util.List;
import java.util.Optional;

/**
 * The body of user requests. Creating a user uses every field but {@code currentPassword};
 * assigning roles uses {@code roles} and {@code agency}; a password change uses
 * {@code currentPassword} and {@code password}.
 */
public record UserRequest(String username, String password, String currentPassword, List<String> roles,
                          String agency) {

    public Optional<String> agencyName() {
        return Optional.ofNullable(agency).filter(a -> !a.isBlank());
    }
}
