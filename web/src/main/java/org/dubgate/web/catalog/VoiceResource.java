package org.dubgate.web.catalog;

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
import org.dubgate.application.catalog.CatalogService;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.voice.Voice;
import org.dubgate.web.PageResponse;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

/** Voices a cast can use. Defining one grants nothing: the consent gate decides each use. */
@Path("/voices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class VoiceResource {

    @Inject
    CatalogService catalog;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Define a voice: a VOICE model, the performer it stands for (none = stock voice), engine voice, pitch and rate")
    public Response define(VoiceRequest body) {
        VoiceRequest req = RequestBodies.required(body);
        Voice v = catalog.defineVoice(CallerPrincipal.of(security), req.name(), req.modelId(), req.performerId(),
                req.engineVoice(), req.pitchPercent(), req.ratePercent());
        return Response.created(uri.getAbsolutePathBuilder().path(v.id().toString()).build())
                .entity(VoiceResponse.of(v)).build();
    }

    @GET
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME, Role.QA_NAME})
    public PageResponse<VoiceResponse> list(@QueryParam("after") String after,
                                            @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(catalog.voices(new PageRequest(Optional.ofNullable(after), limit)), VoiceResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME, Role.QA_NAME})
    public VoiceResponse get(@PathParam("id") UUID id) {
        return VoiceResponse.of(catalog.voice(id));
    }
}
