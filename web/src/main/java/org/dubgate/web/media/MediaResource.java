package org.dubgate.web.media;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.dubgate.application.media.MediaService;
import org.dubgate.application.media.MediaUploads;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.FileResponses;
import org.dubgate.web.PageResponse;
import org.dubgate.web.UploadNames;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

@Path("/media")
@RequestScoped
@Tag(name = "media")
public class MediaResource {

    @Inject
    MediaUploads uploads;
    @Inject
    MediaService media;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    /**
     * The body is the raw file, streamed to storage (no multipart, so nothing is buffered or copied
     * to temporary files). Its name comes from {@code ?name=} or {@code Content-Disposition}.
     */
    @POST
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "video/*", "audio/*"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Upload source media; it is probed in the background (PENDING, then READY or REJECTED)")
    public Response upload(InputStream body, @QueryParam("name") String name,
                           @HeaderParam("Content-Disposition") String disposition,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        if (contentLength != null && contentLength > uploads.maxUploadBytes()) {
            throw new ContentTooLargeException(uploads.maxUploadBytes());
        }
        MediaAsset asset = uploads.upload(CallerPrincipal.of(security), UploadNames.of(name, disposition), contentType, body);
        return Response.accepted(MediaResponse.of(asset)).type(MediaType.APPLICATION_JSON)
                .location(uri.getAbsolutePathBuilder().path(asset.id().toString()).build()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Media newest first, without their probes (GET /media/{id} has it); ?state=READY to pick a source")
    public PageResponse<MediaSummaryResponse> list(@QueryParam("state") String state, @QueryParam("after") String after,
                                                   @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(media.list(Optional.ofNullable(state), new PageRequest(Optional.ofNullable(after), limit)),
                MediaSummaryResponse::of);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The media record, with its probe once READY")
    public MediaResponse get(@PathParam("id") UUID id) {
        return MediaResponse.of(media.get(id));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The bytes of a READY asset; honours a single HTTP Range")
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String rangeHeader) {
        MediaService.MediaContent content = media.content(id);
        return FileResponses.download(content.content(), servedType(content.asset()), content.asset().originalName(),
                rangeHeader);
    }

    /** The declared type only when it is a media type; the content was verified by probing, not by this label. */
    private static String servedType(MediaAsset asset) {
        String declared = asset.declaredType();
        return declared != null && (declared.startsWith("video/") || declared.startsWith("audio/"))
                ? declared.split(";")[0].trim() : MediaType.APPLICATION_OCTET_STREAM;
    }
}
