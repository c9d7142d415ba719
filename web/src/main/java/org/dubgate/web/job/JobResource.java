package org.dubgate.web.job;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.dubgate.application.job.JobRequest;
import org.dubgate.application.job.JobService;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.web.FileResponses;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
public class JobResource {

    @Inject
    JobService jobs;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;
    @Resource
    ManagedExecutorService executor;

    @POST
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Submit a dubbing job: 400 lists every problem, 409 every consent violation (nothing queued); "
            + "a repeated Idempotency-Key returns the job it created")
    public Response submit(JobRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw InvalidInputException.of("Idempotency-Key", "1 to 200 characters");
        }
        JobService.Submission s = jobs.submit(CallerPrincipal.of(security), RequestBodies.required(body),
                Optional.ofNullable(idempotencyKey));
        return Response.status(s.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(uri.getAbsolutePathBuilder().path(s.job().id().toString()).build())
                .entity(JobResponse.of(s.job(), jobs.tasks(s.job().id()))).build();
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Cancel: no further task starts, running tasks stop after their current line; outputs are kept")
    public JobResponse cancel(@PathParam("id") UUID id) {
        jobs.cancel(CallerPrincipal.of(security), id);
        return JobResponse.of(jobs.get(id), jobs.tasks(id));
    }

    /**
     * Progress as server-sent events: a {@code progress} event whenever the job's state or task counts
     * change, and a last {@code end} event when no task is left open. It reads the database, so it
     * shows the same on every node; browsers authenticate with the session cookie.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Job progress as server-sent events (progress ... end)")
    public void events(@PathParam("id") UUID id, @Context SseEventSink sink, @Context Sse sse) {
        jobs.get(id);
        executor.execute(() -> {
            try (sink) {
                String last = null;
                long deadline = System.nanoTime() + java.time.Duration.ofHours(6).toNanos();
                while (!sink.isClosed() && System.nanoTime() < deadline) {
                    JobResponse job = JobResponse.of(jobs.get(id), jobs.tasks(id));
                    String summary = job.state() + "/" + job.progressPercent() + "/" + job.tasks().stream()
                            .map(JobResponse.Task::state).sorted().toList();
                    boolean open = job.tasks().stream().anyMatch(t -> t.state().equals("PENDING") || t.state().equals("RUNNING"));
                    if (!summary.equals(last)) {
                        sink.send(sse.newEventBuilder().name("progress").mediaType(MediaType.APPLICATION_JSON_TYPE)
                                .data(JobResponse.class, job).build());
                        last = summary;
                    }
                    if (!open) {
                        sink.send(sse.newEventBuilder().name("end").data(job.state()).build());
                        return;
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @GET
    @Path("/{id}/outputs")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Every synthesized line with its model, artifact hash and covering consent grant")
    public List<OutputResponse> outputs(@PathParam("id") UUID id) {
        return jobs.outputs(id).stream().map(OutputResponse::of).toList();
    }

    @GET
    @Path("/{id}/outputs/{outputId}/audio")
    @Produces("audio/wav")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A synthesized line's audio (WAV); quarantined output is refused")
    public Response audio(@PathParam("id") UUID id, @PathParam("outputId") UUID outputId,
                          @HeaderParam("Range") String range) throws java.io.IOException {
        java.nio.file.Path file = jobs.outputAudio(id, outputId);
        return FileResponses.download(file, "audio/wav", outputId + ".wav", file.getFileName().toString(), range);
    }

    @GET
    @Path("/{id}/deliverables")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The files MIX and ASSEMBLE made: per language the dialogue stem and full mix (48 kHz 24-bit "
            + "WAV), and the assembled programme (Matroska), with QA flags such as NO_MNE_ORIGINAL_AUDIBLE")
    public List<DeliverableResponse> deliverables(@PathParam("id") UUID id) {
        return jobs.deliverables(id).stream().map(DeliverableResponse::of).toList();
    }

    @GET
    @Path("/{id}/deliverables/{deliverableId}/content")
    @Produces({"audio/wav", "video/x-matroska"})
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A deliverable's bytes; honours a single HTTP Range")
    public Response deliverable(@PathParam("id") UUID id, @PathParam("deliverableId") UUID deliverableId,
                                @HeaderParam("Range") String range) throws java.io.IOException {
        org.dubgate.domain.job.Deliverable d = jobs.deliverable(id, deliverableId);
        java.nio.file.Path file = jobs.contentOf(d);
        return FileResponses.download(file, DeliverableResponse.mediaType(d), DeliverableResponse.fileName(d),
                d.contentSha256(), range);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A job's state, progress and every task")
    public JobResponse get(@PathParam("id") UUID id) {
        return JobResponse.of(jobs.get(id), jobs.tasks(id));
    }
}
