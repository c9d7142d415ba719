package org.dubgate.web.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.dubgate.application.consent.ConsentService;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.identity.Role;
import org.dubgate.web.ReasonRequest;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Consent grants: recorded by agents (immutable once recorded), revoked by agents or admins, read by both. */
@Path("/grants")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "consent")
public class GrantResource {

    @Inject
    ConsentService consent;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.AGENT_NAME)
    @Operation(summary = "Record a consent grant for a performer of your agency, with its signed evidence")
    public Response record(GrantRequest body) {
        GrantRequest req = GrantRequest.require(body);
        ConsentGrant grant = consent.record(CallerPrincipal.of(security), req.performerId(), req.evidenceId(), req.terms());
        return Response.created(uri.getAbsolutePathBuilder().path(grant.id().toString()).build())
                .entity(GrantResponse.of(grant)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public GrantResponse get(@PathParam("id") UUID id) {
        return GrantResponse.of(consent.get(CallerPrincipal.of(security), id));
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Revoke a grant (with a reason); takes effect at once, for dry runs and running work alike")
    public GrantResponse revoke(@PathParam("id") UUID id, ReasonRequest body) {
        return GrantResponse.of(consent.revoke(CallerPrincipal.of(security), id, ReasonRequest.of(body)));
    }
}
