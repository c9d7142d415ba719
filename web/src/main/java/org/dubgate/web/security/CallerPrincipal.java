package org.dubgate.web.security;

import jakarta.ws.rs.core.SecurityContext;
import org.dubgate.application.identity.Caller;

import java.security.Principal;

/** The authenticated {@link Caller} as JAX-RS sees it. */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.username();
    }

    /** The caller of the current request; the authentication filter guarantees there is one. */
    public static Caller of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller();
        }
        throw new IllegalStateException("no authenticated caller on this request");
    }
}
