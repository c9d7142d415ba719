package org.dubgate.web.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dubgate.application.delivery.DeliveryService;
import org.dubgate.application.delivery.Recall;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.identity.Role;
import org.dubgate.web.FileResponses;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

@Path("/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deliveries")
public class DeliveryResource {

    @Inject
    DeliveryService deliveries;
    @Inject
    Recall recall;

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A delivery: its state (AVAILABLE, RECALLED with the cues to recast, EXPIRED), its files "
            + "with their SHA-256 and where to download them")
    public DeliveryResponse get(@PathParam("id") UUID id) {
        Delivery d = deliveries.get(id);
        return DeliveryResponse.of(d, recall.recastOf(d.jobId()));
    }

    /**
     * The whole package as a zip of stored (uncompressed: WAV and Matroska gain nothing from deflate)
     * entries, written straight from storage to the client: no copy of the package is made. Each
     * entry's size and CRC-32 were taken when the delivery was made, so nothing is read twice.
     */
    @GET
    @Path("/{id}/package")
    @Produces("application/zip")
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The package as a zip streamed from storage; 410 once recalled or past a TEMP retention")
    public Response zip(@PathParam("id") UUID id) {
        List<DeliveryService.Served> files = deliveries.packageOf(id);
        StreamingOutput body = out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setMethod(ZipOutputStream.STORED);
            for (DeliveryService.Served f : files) {
                ZipEntry entry = new ZipEntry(f.file().name());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(f.file().sizeBytes());
                entry.setCompressedSize(f.file().sizeBytes());
                entry.setCrc(f.file().crc32());
                zip.putNextEntry(entry);
                try (InputStream in = f.content().open()) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
            zip.finish();
            zip.flush();
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"delivery-" + id + ".zip\"").build();
    }

    @GET
    @Path("/{id}/files/{name: .+}")
    @Produces({"audio/wav", "video/x-matroska", MediaType.APPLICATION_JSON})
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One file of the package, e.g. es/full-mix.wav or manifest.json; honours a single HTTP Range; "
            + "the manifest stays served after a recall or the end of a TEMP retention, the media do not (410)")
    public Response file(@PathParam("id") UUID id, @PathParam("name") String name, @HeaderParam("Range") String range) {
        DeliveryService.Served f = deliveries.file(id, name);
        return FileResponses.download(f.content(), f.file().mediaType(), name.replace('/', '.'), range);
    }
}
