package org.dubgate.web.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.dubgate.application.delivery.DeliveryManifest;
import org.dubgate.domain.identity.Role;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;

@Path("/schemas")
@RequestScoped
@Tag(name = "deliveries")
public class SchemaResource {

    @GET
    @Path("/delivery-manifest.json")
    @Produces("application/schema+json")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME, Role.AGENT_NAME})
    @Operation(summary = "The JSON Schema (2020-12) every delivery's manifest.json validates against")
    public Response manifestSchema() throws IOException {
        try (InputStream in = DeliveryManifest.class.getResourceAsStream(DeliveryManifest.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the manifest schema is missing from the deployment");
            }
            return Response.ok(in.readAllBytes(), "application/schema+json").build();
        }
    }
}
