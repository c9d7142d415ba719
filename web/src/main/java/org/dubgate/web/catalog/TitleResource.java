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
import org.dubgate.domain.title.Title;
import org.dubgate.web.PageResponse;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;

/** Titles: created by managers; read by everyone who names them (agents write grants for them). */
@Path("/titles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "catalog")
public class TitleResource {

    @Inject
    CatalogService catalog;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Create a title with a unique code")
    public Response create(TitleRequest body) {
        TitleRequest req = RequestBodies.required(body);
        Title t = catalog.createTitle(CallerPrincipal.of(security), req.code(), req.name());
        return Response.created(uri.getAbsolutePathBuilder().path(t.code()).build()).entity(TitleResponse.of(t)).build();
    }

    @GET
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME, Role.AGENT_NAME, Role.QA_NAME})
    public PageResponse<TitleResponse> list(@QueryParam("after") String after,
                                            @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(catalog.titles(new PageRequest(Optional.ofNullable(after), limit)), TitleResponse::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME, Role.AGENT_NAME, Role.QA_NAME})
    public TitleResponse get(@PathParam("code") String code) {
        return TitleResponse.of(catalog.title(code));
    }
}
