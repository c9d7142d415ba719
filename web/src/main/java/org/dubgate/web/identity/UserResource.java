package org.dubgate.web.identity;

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
import org.dubgate.application.identity.UserAdministration;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.identity.UserAccount;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Optional;
import java.util.UUID;

@Path("/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "users")
public class UserResource {

    @Inject
    UserAdministration administration;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Create a user with roles (and, for agents, an agency)")
    public Response create(UserRequest body) {
        UserRequest req = RequestBodies.required(body);
        UserAccount user = administration.create(req.username(), req.password(), req.roles(), req.agencyName());
        return Response.created(uri.getAbsolutePathBuilder().path(user.id().toString()).build())
                .entity(UserResponse.of(user)).build();
    }

    @GET
    @Operation(summary = "List users by username, with cursor paging")
    public PageResponse<UserResponse> list(@QueryParam("after") String after,
                                           @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(administration.list(new PageRequest(Optional.ofNullable(after), limit)), UserResponse::of);
    }

    @GET
    @Path("/{id}")
    public UserResponse get(@PathParam("id") UUID id) {
        return UserResponse.of(administration.get(id));
    }

    @PUT
    @Path("/{id}/roles")
    @Operation(summary = "Replace a user's roles and agency")
    public UserResponse assignRoles(@PathParam("id") UUID id, UserRequest body) {
        UserRequest req = RequestBodies.required(body);
        return UserResponse.of(administration.assignRoles(id, req.roles(), req.agencyName(),
                CallerPrincipal.of(security)));
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable a user: their sessions end at once")
    public UserResponse disable(@PathParam("id") UUID id) {
        return UserResponse.of(administration.disable(id, CallerPrincipal.of(security)));
    }

    @POST
    @Path("/{id}/enable")
    public UserResponse enable(@PathParam("id") UUID id) {
        return UserResponse.of(administration.enable(id));
    }

    @PUT
    @Path("/me/password")
    @RolesAllowed({Role.MANAGER_NAME, Role.AGENT_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Change your own password (currentPassword, password); ends your other sessions")
    public Response changeOwnPassword(UserRequest body) {
        UserRequest req = RequestBodies.required(body);
        administration.changeOwnPassword(CallerPrincipal.of(security), req.currentPassword(), req.password());
        return Response.noContent().build();
    }
}
