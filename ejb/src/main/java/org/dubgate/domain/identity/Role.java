package org.dubgate.domain.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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
}
