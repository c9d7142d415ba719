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
import org.dubgate.application.registry.ModelRegistry;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.dubgate.web.ReasonRequest;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("/models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "registry")
public class ModelResource {

    @Inject
    ModelRegistry registry;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Register a model (PENDING); the server computes the SHA-256 of the artifact at artifactLocation",
            description = "For an engine this server runs (espeak-ng, flite), leave artifactLocation and version out to "
                    + "register the installed engine (its binary, its own libraries and its voice data, as the engine "
                    + "reports them), or name exactly the files of one installation, which the worker then runs from. "
                    + "Any other location is refused (400 on artifactLocation, naming the difference): the hashed "
                    + "artifact is always exactly what runs (R5).")
    public Response register(ModelRequest body) {
        AiModel m = registry.register(CallerPrincipal.of(security), RequestBodies.required(body).declaration());
        return Response.created(uri.getAbsolutePathBuilder().path(m.id().toString()).build())
                .entity(ModelResponse.of(m)).build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.MANAGER_NAME, Role.QA_NAME})
    @Operation(summary = "Models, newest registration first; ?status=PENDING, APPROVED or REVOKED")
    public PageResponse<ModelResponse> list(@QueryParam("status") String status, @QueryParam("after") String after,
                                            @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(registry.list(Optional.ofNullable(status), new PageRequest(Optional.ofNullable(after), limit)),
                ModelResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.MANAGER_NAME, Role.QA_NAME})
    public ModelResponse get(@PathParam("id") UUID id) {
        return ModelResponse.of(registry.get(id));
    }

    @POST
    @Path("/{id}/approval")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Approve a model: refused with every reason unless its data terms are clean or overrideApprovalId names a MODEL_DATA_TERMS approval")
    public ModelResponse approve(@PathParam("id") UUID id, ModelRequest body) {
        ModelRequest req = body == null ? new ModelRequest(null, null, null, null, null, null, null, null, null, null,
                null, null, null) : body;
        return ModelResponse.of(registry.approve(CallerPrincipal.of(security), id, req.note(), req.overrideApprovalId()));
    }

    @POST
    @Path("/{id}/revocation")
    @RolesAllowed(Role.ADMIN_NAME)
    public ModelResponse revoke(@PathParam("id") UUID id, ReasonRequest body) {
        return ModelResponse.of(registry.revoke(CallerPrincipal.of(security), id, ReasonRequest.of(body)));
    }

    @GET
    @Path("/{id}/artifact-check")
    @RolesAllowed({Role.ADMIN_NAME, Role.MANAGER_NAME, Role.QA_NAME})
    @Operation(summary = "Re-hash the artifact now and compare it with the registry: MATCH, MISMATCH or MISSING")
    public Map<String, String> checkArtifact(@PathParam("id") UUID id) {
        return Map.of("modelId", id.toString(), "hashState", registry.verifyArtifact(id).name());
    }
}
