package org.dubgate.web.media;

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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.dubgate.application.media.MediaService;
import org.dubgate.application.media.MediaUploads;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Path("/media")
@RequestScoped
@Tag(name = "media")
public class MediaResource {

    private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");

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
        String originalName = Optional.ofNullable(name).filter(n -> !n.isBlank())
                .or(() -> filenameFrom(disposition)).orElse("upload");
        MediaAsset asset = uploads.upload(CallerPrincipal.of(security), originalName, contentType, body);
        return Response.accepted(MediaResponse.of(asset)).type(MediaType.APPLICATION_JSON)
                .location(uri.getAbsolutePathBuilder().path(asset.id().toString()).build()).build();
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
    public Response content(@PathParam("id") UUID id, @HeaderParam("Range") String rangeHeader) throws IOException {
        MediaService.MediaContent content = media.content(id);
        long size = Files.size(content.file());
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        StreamingOutput bytes = out -> copy(content.file(), first, length, out);
        Response.ResponseBuilder response = Response.status(range.isPresent() ? 206 : 200).entity(bytes)
                .type(servedType(content.asset()))
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + content.asset().contentSha256() + "\"")
                .header("Content-Disposition", "attachment; filename=\"" + safeName(content.asset().originalName()) + "\"");
        range.ifPresent(r -> response.header("Content-Range", r.contentRange(size)));
        return response.build();
    }

    private static void copy(java.nio.file.Path file, long first, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = first;
            long remaining = length;
            while (remaining > 0) {
                long sent = channel.transferTo(position, remaining, target);
                if (sent <= 0) {
                    break;
                }
                position += sent;
                remaining -= sent;
            }
        }
    }

    /** The declared type only when it is a media type; the content was verified by probing, not by this label. */
    private static String servedType(MediaAsset asset) {
        String declared = asset.declaredType();
        return declared != null && (declared.startsWith("video/") || declared.startsWith("audio/"))
                ? declared.split(";")[0].trim() : MediaType.APPLICATION_OCTET_STREAM;
    }

    private static Optional<String> filenameFrom(String disposition) {
        if (disposition == null) {
            return Optional.empty();
        }
        Matcher m = FILENAME.matcher(disposition);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
