package org.dubgate.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.dubgate.application.identity.AuthenticationService;
import org.dubgate.application.identity.Caller;
import org.dubgate.domain.identity.Role;
import org.dubgate.web.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Establishes who is calling, or answers 401 with a challenge. Runs on every matched resource method.
 * The session cookie is SameSite=Strict, and a change made with it must also carry
 * {@code X-Requested-With} (as the portal's calls do): a header another site's page cannot add
 * without a CORS preflight, which this server never grants, so a forged form post is refused (CSRF).
 * A call with that header, the cookie or a browser's {@code Sec-Fetch-Site} gets no Basic challenge
 * on 401, so a browser never opens a password dialog of its own over the portal's sign-in form.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "dubgate_session";
    static final String CHALLENGE = "Basic realm=\"dubgate\", charset=\"UTF-8\", Bearer realm=\"dubgate\"";
    static final String SCRIPTED_CHALLENGE = "Bearer realm=\"dubgate\"";
    static final String REQUESTED_WITH = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    AuthenticationService authentication;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        // the portal's calls, and anything a browser sends (Sec-Fetch-Site; a download, an <audio>, an event
        // stream) or with the session cookie: a Basic challenge would open the browser's password dialog, whose
        // cached credentials would outlive sign-out and go with cross-site requests
        boolean requestedWith = request.getHeaderString(REQUESTED_WITH) != null;
        boolean scripted = requestedWith || request.getHeaderString("Sec-Fetch-Site") != null || cookie != null;
        Optional<Caller> caller;
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            caller = basic(header.substring(6).trim());
        } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            caller = authentication.bearer(header.substring(7).trim());
        } else if (header == null && cookie != null) {
            if (!requestedWith && !SAFE_METHODS.contains(request.getMethod())) {
                request.abortWith(Problem.http(Response.Status.FORBIDDEN, "a change made with the session cookie "
                        + "must carry the " + REQUESTED_WITH + " header (cross-site request protection)").toResponse());
                return;
            }
            caller = authentication.bearer(cookie.getValue());
        } else {
            request.abortWith(unauthorized(scripted, header == null
                    ? "authentication required: HTTP Basic or a session token from POST /api/v1/sessions"
                    : "unsupported Authorization scheme; use Basic or Bearer"));
            return;
        }
        if (caller.isEmpty()) {
            request.abortWith(unauthorized(scripted, "invalid credentials, or the session has ended"));
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        Caller c = caller.get();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return new CallerPrincipal(c);
            }

            @Override
            public boolean isUserInRole(String role) {
                return Role.fromApiName(role).map(c::has).orElse(false);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return header != null && header.regionMatches(true, 0, "Basic ", 0, 6) ? BASIC_AUTH : "Bearer";
            }
        });
    }

    private Optional<Caller> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 1 ? Optional.empty()
                : authentication.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private static Response unauthorized(boolean scripted, String detail) {
        return Problem.http(Response.Status.UNAUTHORIZED, detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, scripted ? SCRIPTED_CHALLENGE : CHALLENGE).toResponse();
    }
}
