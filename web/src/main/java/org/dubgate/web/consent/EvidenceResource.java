package org.dubgate.web.consent;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.dubgate.application.consent.ConsentService;
import org.dubgate.application.consent.EvidenceUploads;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.domain.consent.EvidenceDocument;
import org.dubgate.domain.identity.Role;
import org.dubgate.web.FileResponses;
import org.dubgate.web.UploadNames;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.UUID;

/** Signed consent documents: uploaded by agents as the raw body, checked by their bytes (PDF, PNG or JPEG). */
@Path("/consent-evidence")
@RequestScoped
@Tag(name = "consent")
public class EvidenceResource {

    @Inject
    EvidenceUploads uploads;
    @Inject
    ConsentService consent;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @Consumes({"application/pdf", "image/png", "image/jpeg", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.AGENT_NAME)
    @Operation(summary = "Upload a signed consent document; its id goes into the grant")
    public Response upload(InputStream body, @QueryParam("name") String name,
                           @HeaderParam("Content-Disposition") String disposition,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength) {
        if (contentLength != null && contentLength > uploads.maxBytes()) {
            throw new ContentTooLargeException(uploads.maxBytes());
        }
        EvidenceDocument doc = uploads.upload(CallerPrincipal.of(security), UploadNames.of(name, disposition), body);
        return Response.created(uri.getAbsolutePathBuilder().path(doc.id().toString()).build())
                .type(MediaType.APPLICATION_JSON).entity(EvidenceResponse.of(doc)).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public EvidenceResponse get(@PathParam("id") UUID id) {
        return EvidenceResponse.of(consent.evidence(CallerPrincipal.of(security), id));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Download the signed document")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String range) {
        ConsentService.EvidenceContent content = consent.evidenceContent(CallerPrincipal.of(security), id);
        EvidenceDocument doc = content.document();
        return FileResponses.download(content.content(), doc.mediaType(), doc.originalName(), range);
    }
}
