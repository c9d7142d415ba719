package org.dubgate.web.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.gate.PlanInput;
import org.dubgate.domain.identity.Role;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The consent gate as a dry run: a manager sends a job plan and gets every decision with its reason
 * ({@code decision.allowed}, {@code uses}, {@code models}, {@code escalations}, {@code violations}).
 * Nothing is queued; the decision is recorded in the ledger.
 */
@Path("/consent-checks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "consent")
public class ConsentCheckResource {

    @Inject
    GateService gate;
    @Context
    SecurityContext security;

    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Dry-run the consent gate on a job plan")
    public GateService.Check check(PlanInput body) {
        return gate.check(CallerPrincipal.of(security), RequestBodies.required(body), "dry-run");
    }
}
