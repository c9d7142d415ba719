package org.dubgate.web.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.dubgate.web.problem.Problem;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Enforces {@code @RolesAllowed} (method first, then class) on every resource method, after
 * authentication. A method with no declaration gets an empty role list and is refused to all.
 */
@Provider
public class RoleAccess implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        List<String> roles = Optional.ofNullable(resource.getResourceMethod().getAnnotation(RolesAllowed.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(RolesAllowed.class)))
                .map(r -> Arrays.asList(r.value()))
                .orElse(List.of());
        context.register(new Check(roles), Priorities.AUTHORIZATION);
    }

    private record Check(List<String> roles) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (roles.stream().noneMatch(request.getSecurityContext()::isUserInRole)) {
                request.abortWith(Problem.http(Response.Status.FORBIDDEN, roles.isEmpty()
                                ? "this endpoint is not open to any role"
                                : "requires one of the roles: " + String.join(", ", roles))
                        .instance(request.getUriInfo().getRequestUri().getRawPath())
                        .toResponse());
            }
        }
    }
}
