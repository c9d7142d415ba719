package org.dubgate.web.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.dubgate.application.approval.ApprovalService;
import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.dubgate.web.ReasonRequest;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class ApprovalResource {

    @Inject
    ApprovalService approvals;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Record a written approval of an escalated use (STOCK_VOICE, FINAL_PURPOSE, ESTATE_GRANT, MODEL_DATA_TERMS)")
    public Response record(ApprovalRequest body) {
        ApprovalRequest req = RequestBodies.required(body);
        WrittenApproval a = approvals.record(CallerPrincipal.of(security), req.escalation(), req.subject(),
                req.titleCode(), req.jobId(), req.text(), req.validUntil());
        return Response.created(uri.getAbsolutePathBuilder().path(a.id().toString()).build())
                .entity(ApprovalResponse.of(a)).build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.MANAGER_NAME})
    public PageResponse<ApprovalResponse> list(@QueryParam("after") String after,
                                               @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(approvals.list(new PageRequest(Optional.ofNullable(after), limit)), ApprovalResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.MANAGER_NAME})
    public ApprovalResponse get(@PathParam("id") UUID id) {
        return ApprovalResponse.of(approvals.get(id));
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Role.ADMIN_NAME)
    public ApprovalResponse revoke(@PathParam("id") UUID id, ReasonRequest body) {
        return ApprovalResponse.of(approvals.revoke(CallerPrincipal.of(security), id, ReasonRequest.of(body)));
    }
}
