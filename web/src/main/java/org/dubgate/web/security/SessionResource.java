package org.dubgate.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.dubgate.application.identity.AuthenticationService;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.identity.IssuedToken;
import org.dubgate.domain.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Exchanges a checked password for a session token, so later requests skip the slow hash. */
@Path("/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.MANAGER_NAME, Role.AGENT_NAME, Role.QA_NAME, Role.ADMIN_NAME})
@Tag(name = "sessions")
public class SessionResource {

    /** Who the caller is and, when a session was just opened, its token. */
    public record SessionResponse(String username, List<String> roles, String agency, String token, Instant expiresAt) {
    }

    @Inject
    AuthenticationService authentication;
    @Context
    SecurityContext security;

    @POST
    @Operation(summary = "Open a session: returns a token and sets the dubgate_session cookie")
    public Response open() {
        Caller caller = CallerPrincipal.of(security);
        IssuedToken token = authentication.issueToken(caller);
        int maxAge = (int) Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds());
        NewCookie cookie = new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE).value(token.token())
                .path("/api").httpOnly(true).secure(security.isSecure()).maxAge(maxAge)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.status(Response.Status.CREATED).cookie(cookie)
                .entity(describe(caller, token.token(), token.expiresAt())).build();
    }

    @GET
    @Path("/current")
    @Operation(summary = "Who am I")
    public SessionResponse current() {
        return describe(CallerPrincipal.of(security), null, null);
    }

    @DELETE
    @Path("/current")
    @Operation(summary = "Sign out: ends every session token of the caller")
    public Response close() {
        authentication.signOut(CallerPrincipal.of(security));
        NewCookie expired = new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE).value("").path("/api")
                .httpOnly(true).maxAge(0).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.noContent().cookie(expired).build();
    }

    private static SessionResponse describe(Caller caller, String token, Instant expiresAt) {
        return new SessionResponse(caller.username(), caller.roles().stream().map(Role::apiName).sorted().toList(),
                caller.agency().orElse(null), token, expiresAt);
    }
}
