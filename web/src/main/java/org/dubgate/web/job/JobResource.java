package org.dubgate.web.job;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.dubgate.application.job.JobProgressFeed;
import org.dubgate.application.job.JobRequest;
import org.dubgate.application.job.JobService;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.FileResponses;
import org.dubgate.web.PageResponse;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.util.List;
import java.util.Map;
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
    @Inject
    JobProgressFeed progress;
    @Inject
    org.dubgate.application.delivery.DeliveryService deliveries;
    @Inject
    org.dubgate.application.delivery.Recall recall;
    @Context
    SecurityContext security;
    @Context
    UriInfo uri;

    @POST
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Submit a dubbing job: 400 lists every problem, 409 every consent violation (nothing queued); "
            + "a repeated Idempotency-Key returns the job it created",
            description = "`purpose` is TEMP unless FINAL is asked for (R6): left out, the job is TEMP, as the response "
                    + "says. A script of more than dubgate.script.max-cues cues (default 10000), or a job of more than "
                    + "dubgate.job.max-cues (default 40000), is refused at once with only that limit named; a cue whose "
                    + "text is longer than dubgate.script.max-cue-chars characters (default 1000) is a problem naming "
                    + "the cue. A 400 lists at most the first 100 problems, with errorCount the total.")
    public Response submit(JobRequest body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw InvalidInputException.of("Idempotency-Key", "1 to 200 characters");
        }
        JobService.Submission s = jobs.submit(CallerPrincipal.of(security), RequestBodies.required(body),
                Optional.ofNullable(idempotencyKey));
        return Response.status(s.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(uri.getAbsolutePathBuilder().path(s.job().id().toString()).build())
                .entity(JobResponse.of(jobs.view(s.job().id()))).build();
    }

    @GET
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Jobs, newest first, optionally of one state or title; cursor-paged (?after=<next>)")
    public PageResponse<JobListItemResponse> list(@QueryParam("state") String state, @QueryParam("title") String title,
                                                  @QueryParam("after") String after,
                                                  @QueryParam("limit") @DefaultValue("50") int limit) {
        Optional<JobState> inState = EnumNames.parameter(JobState.class, "state", Optional.ofNullable(state));
        Page<DubbingJob> page = jobs.list(new JobRepository.JobQuery(inState,
                Optional.ofNullable(title).map(String::strip).filter(t -> !t.isEmpty())),
                new PageRequest(Optional.ofNullable(after), limit));
        List<UUID> ids = page.items().stream().map(DubbingJob::id).toList();
        Map<UUID, JobRepository.Progress> progressOf = jobs.progressOf(ids);
        var reviewOf = jobs.reviewCountsOf(ids);
        return PageResponse.of(page, j -> JobListItemResponse.of(j,
                progressOf.getOrDefault(j.id(), JobRepository.Progress.NONE), reviewOf.getOrDefault(j.id(), Map.of())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A job's state, progress per language and every task (not its cues)")
    public JobResponse get(@PathParam("id") UUID id) {
        return JobResponse.of(jobs.view(id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Cancel: no further task starts, running tasks stop after their current line; outputs are kept")
    public JobResponse cancel(@PathParam("id") UUID id) {
        return JobResponse.of(jobs.cancel(CallerPrincipal.of(security), id));
    }

    /**
     * Progress as server-sent events: first where the job stands (or, with {@code Last-Event-ID},
     * every event after that one, from the database), then a {@code progress} event for every change
     * as it commits on any node, each with its id; a last {@code end} event when the job no longer
     * runs work. Nothing polls and no thread is held per client. Browsers authenticate with the
     * session cookie.
     */
    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Job progress as server-sent events (progress ... end); resumes after Last-Event-ID")
    public void events(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        jobs.get(id);
        Optional<Long> resumeAfter;
        try {
            resumeAfter = Optional.ofNullable(lastEventId).map(String::strip).map(Long::parseLong);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("Last-Event-ID", "the id of an event this stream sent");
        }
        progress.subscribe(id, resumeAfter, new SseListener(sink, sse));
    }

    /**
     * One client's stream. RESTEasy writes events asynchronously, in order; closing the stream waits
     * for the last write, or the client could lose the end of it.
     */
    private static final class SseListener implements JobProgressFeed.Listener {
        private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SseListener.class.getName());
        private final SseEventSink sink;
        private final Sse sse;
        private java.util.concurrent.CompletionStage<?> last = java.util.concurrent.CompletableFuture.completedFuture(null);

        SseListener(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void event(long seq, String payload) {
            send(sse.newEventBuilder().id(Long.toString(seq)).name("progress").mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, payload).build());
        }

        @Override
        public void keepAlive() {
            send(sse.newEventBuilder().comment("keep-alive").build());
        }

        @Override
        public void end(String jobState) {
            send(sse.newEventBuilder().name("end").data(String.class, jobState).build());
            last.whenComplete((ok, failed) -> sink.close());
        }

        private void send(jakarta.ws.rs.sse.OutboundSseEvent event) {
            if (sink.isClosed()) {
                throw new IllegalStateException("the client closed the stream");
            }
            last = sink.send(event).whenComplete((ok, failed) -> {
                if (failed != null && !sink.isClosed()) {
                    LOG.info(() -> "progress stream closed after a failed write: " + failed);
                    sink.close(); // the next event finds it closed and unsubscribes
                }
            });
        }
    }

    @POST
    @Path("/{id}/delivery")
    @RolesAllowed(Role.MANAGER_NAME)
    @Operation(summary = "Deliver an APPROVED job: its current files are verified against their SHA-256 and packaged "
            + "with manifest.json; 409 names what holds it (rejected or open review items, the consent gate)",
            description = "A FINAL job's written approval must still be valid (R6). A TEMP delivery's files are removed "
                    + "after dubgate.delivery.temp-retention (default P30D); its record and manifest stay.")
    public Response deliver(@PathParam("id") UUID id) throws IOException {
        org.dubgate.domain.delivery.Delivery d = deliveries.deliver(CallerPrincipal.of(security), id);
        return Response.created(uri.getBaseUriBuilder().path("deliveries").path(d.id().toString()).build())
                .entity(org.dubgate.web.delivery.DeliveryResponse.of(deliveries.get(d.id()), recall.recastOf(id)))
                .build();
    }

    @GET
    @Path("/{id}/delivery")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The job's delivery, once it has one")
    public org.dubgate.web.delivery.DeliveryResponse delivery(@PathParam("id") UUID id) {
        jobs.get(id);
        return deliveries.ofJob(id).map(d -> org.dubgate.web.delivery.DeliveryResponse.of(d, recall.recastOf(id)))
                .orElseThrow(() -> new org.dubgate.domain.shared.NoSuchEntityException("delivery of job", id));
    }

    @GET
    @Path("/{id}/outputs")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The job's synthesized lines with their model, artifact hash and covering consent grant; "
            + "cursor-paged (?after=<next>)")
    public PageResponse<OutputResponse> outputs(@PathParam("id") UUID id, @QueryParam("after") String after,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        JobService.OutputsWithChecks page = jobs.outputsWithChecks(id, new PageRequest(Optional.ofNullable(after), limit));
        return PageResponse.of(page.page(), o -> OutputResponse.of(o, page.checks().getOrDefault(o.id(), List.of()),
                Optional.ofNullable(page.stale().get(o.id()))));
    }

    @GET
    @Path("/{id}/outputs/{outputId}")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One synthesized line")
    public OutputResponse output(@PathParam("id") UUID id, @PathParam("outputId") UUID outputId) {
        CueOutput output = jobs.output(id, outputId);
        return OutputResponse.of(output, jobs.checksOf(id, output), jobs.stale(id, output));
    }

    @GET
    @Path("/{id}/checks")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The automatic QA checks of every language (loudness to the delivery profile, true peak, "
            + "clipping, duration, track tags) and every synthesized line (empty, silent, too short for its text, "
            + "dropouts, clipping, OVERFLOW, and for English the recognizer's word error rate against the script), each "
            + "with its figure, threshold and verdict; ?verdict=PASSED|FLAGGED|NOTED; cursor-paged (?after=<next>)")
    public PageResponse<CheckResponse> checks(@PathParam("id") UUID id, @QueryParam("verdict") String verdict,
                                              @QueryParam("after") String after,
                                              @QueryParam("limit") @DefaultValue("50") int limit) {
        Optional<QaCheck.Verdict> only = EnumNames.parameter(QaCheck.Verdict.class, "verdict", Optional.ofNullable(verdict));
        return PageResponse.of(jobs.checks(id, only, new PageRequest(Optional.ofNullable(after), limit)),
                CheckResponse::of);
    }

    @GET
    @Path("/{id}/outputs/{outputId}/audio")
    @Produces("audio/wav")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A synthesized line's audio (WAV); quarantined output is refused")
    public Response audio(@PathParam("id") UUID id, @PathParam("outputId") UUID outputId,
                          @HeaderParam("Range") String range) {
        return FileResponses.download(jobs.outputAudio(CallerPrincipal.of(security), id, outputId), "audio/wav",
                outputId + ".wav", range);
    }

    @GET
    @Path("/{id}/deliverables")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The files MIX and ASSEMBLE made: per language the dialogue stem and full mix (48 kHz 24-bit "
            + "WAV), and the assembled programme (Matroska), with QA flags such as NO_MNE_ORIGINAL_AUDIBLE; "
            + "cursor-paged (?after=<next>)")
    public PageResponse<DeliverableResponse> deliverables(@PathParam("id") UUID id, @QueryParam("after") String after,
                                                          @QueryParam("limit") @DefaultValue("50") int limit) {
        return PageResponse.of(jobs.deliverables(id, new PageRequest(Optional.ofNullable(after), limit)),
                DeliverableResponse::of);
    }

    @GET
    @Path("/{id}/deliverables/{deliverableId}")
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One deliverable")
    public DeliverableResponse deliverable(@PathParam("id") UUID id, @PathParam("deliverableId") UUID deliverableId) {
        return DeliverableResponse.of(jobs.deliverable(id, deliverableId));
    }

    @GET
    @Path("/{id}/deliverables/{deliverableId}/content")
    @Produces({"audio/wav", "video/x-matroska"})
    @RolesAllowed({Role.MANAGER_NAME, Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A deliverable's bytes; honours a single HTTP Range")
    public Response content(@PathParam("id") UUID id, @PathParam("deliverableId") UUID deliverableId,
                            @HeaderParam("Range") String range) {
        Deliverable d = jobs.deliverable(id, deliverableId);
        return FileResponses.download(jobs.contentOf(CallerPrincipal.of(security), d), DeliverableResponse.mediaType(d),
                DeliverableResponse.fileName(d), range);
    }
}
