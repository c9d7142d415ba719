package org.dubgate.domain.identity;

import org.dubgate.domain.shared.InvalidInputException.FieldError;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The roles of DESIGN.md § Users and roles. The lower-case name is what the API speaks. */
public enum Role {
    MANAGER, AGENT, QA, ADMIN;

    public static final String MANAGER_NAME = "manager";
    public static final String AGENT_NAME = "agent";
    public static final String QA_NAME = "qa";
    public static final String ADMIN_NAME = "admin";

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(name)).findFirst();
    }

    /** Parses role names, adding an error per unknown name (with its position) to {@code errors}. */
    public static Set<Role> parseAll(List<String> names, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Optional<Role> role = fromApiName(name);
            if (role.isPresent()) {
                roles.add(role.get());
            } else {
                errors.add(new FieldError("roles[" + i + "]", "unknown role '" + name + "'; one of manager, agent, qa, admin"));
            }
        }
        return roles;
    }
}
