package org.dubgate.web.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.dubgate.application.audit.UsageReport;
import org.dubgate.application.consent.ConsentService;
import org.dubgate.application.performer.PerformerService;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.dubgate.web.audit.AuditEntryResponse;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Performers: agents manage their agency's; managers and admins read all (managers cast them). */
@Path("/performers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "consent")
public class PerformerResource {

    @Inject
    PerformerService performers;
    @Inject
    ConsentService consent;
    @Inject
    UsageReport usage;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.AGENT_NAME)
    @Operation(summary = "Register a performer of your agency (a deceased performer needs the estate's representative)")
    public Response register(PerformerRequest body) {
        Performer p = performers.register(CallerPrincipal.of(security), PerformerRequest.details(body));
        return Response.created(uri.getAbsolutePathBuilder().path(p.id().toString()).build())
                .entity(PerformerResponse.of(p)).build();
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "List performers (an agent sees only their agency's), cursor-paged")
    public PageResponse<PerformerResponse> list(@QueryParam("after") String after,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(performers.list(CallerPrincipal.of(security),
                new PageRequest(Optional.ofNullable(after), limit)), PerformerResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    public PerformerResponse get(@PathParam("id") UUID id) {
        return PerformerResponse.of(performers.visible(CallerPrincipal.of(security), id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Edit a performer's details")
    public PerformerResponse edit(@PathParam("id") UUID id, PerformerRequest body) {
        return PerformerResponse.of(performers.edit(CallerPrincipal.of(security), id, PerformerRequest.details(body)));
    }

    @GET
    @Path("/{id}/grants")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Every consent grant of the performer, revoked and expired ones included")
    public List<GrantResponse> grants(@PathParam("id") UUID id) {
        return consent.forPerformer(CallerPrincipal.of(security), id).stream().map(GrantResponse::of).toList();
    }

    @GET
    @Path("/{id}/uses")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Every use of the performer's voice: lines per job, language, model and grant, and whether "
            + "the job's delivery was recalled (newest first)")
    public List<PerformerUseResponse> uses(@PathParam("id") UUID id,
                                           @QueryParam("limit") @DefaultValue("200") int limit) {
        return usage.uses(CallerPrincipal.of(security), id, limit).stream().map(PerformerUseResponse::of).toList();
    }

    @GET
    @Path("/{id}/usage")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Usage report: every ledger entry that involved the performer (grants, gate decisions with the covering grant)")
    public PageResponse<AuditEntryResponse> usage(@PathParam("id") UUID id, @QueryParam("after") String after,
                                                  @QueryParam("limit") @DefaultValue("100") int limit) {
        return PageResponse.of(usage.forPerformer(CallerPrincipal.of(security), id,
                new PageRequest(Optional.ofNullable(after), limit)), AuditEntryResponse::of);
    }
}
