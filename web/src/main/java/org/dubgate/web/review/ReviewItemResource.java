package org.dubgate.web.review;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import org.dubgate.application.review.ReviewService;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.review.ReviewState;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.dubgate.web.RequestBodies;
import org.dubgate.web.security.CallerPrincipal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

@Path("/review-items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "review")
public class ReviewItemResource {

    @Inject
    ReviewService review;
    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({Role.QA_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The QA queue: every synthesized line and every failed automatic check awaiting or given a "
            + "verdict; ?job=&state=OPEN|APPROVED|REJECTED|RERENDER|SUPERSEDED&flag=&language=; cursor-paged (?after=<next>)")
    public PageResponse<ReviewItemResponse> list(@QueryParam("job") String job, @QueryParam("state") String state,
                                                 @QueryParam("flag") String flag, @QueryParam("language") String language,
                                                 @QueryParam("after") String after,
                                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        Optional<UUID> jobId;
        try {
            jobId = Optional.ofNullable(job).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("job", "a job id (UUID)");
        }
        Optional<ReviewState> inState = Optional.ofNullable(state).map(s -> Arrays.stream(ReviewState.values())
                .filter(v -> v.name().equals(s)).findFirst().orElseThrow(() -> InvalidInputException.of("state",
                        "one of " + Arrays.toString(ReviewState.values()))));
        Optional<String> onlyFlag = Optional.ofNullable(flag).map(String::strip).filter(f -> !f.isEmpty());
        onlyFlag.filter(f -> !f.matches("[A-Z_]{1,40}")).ifPresent(f -> {
            throw InvalidInputException.of("flag", "a flag name such as OVERFLOW or SCRIPT_CONFORMANCE");
        });
        return PageResponse.of(review.list(new ReviewItemRepository.Query(jobId, inState, onlyFlag,
                Optional.ofNullable(language).map(String::strip).filter(l -> !l.isEmpty())),
                new PageRequest(Optional.ofNullable(after), limit)), ReviewItemResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.QA_NAME, Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "One review item with every check of its line and their figures")
    public ReviewItemResponse get(@PathParam("id") UUID id) {
        return ReviewItemResponse.of(review.get(id));
    }

    @POST
    @Path("/{id}/verdict")
    @RolesAllowed(Role.QA_NAME)
    @Operation(summary = "A verdict: APPROVED, REJECTED with a note, or RERENDER with a note and an edited text, "
            + "ratePercent/pitchPercent or maxTempo. Once no item of the job is open: the lines asked for are made "
            + "again (only them; their language is mixed and checked again), or a rejection holds the job, or the "
            + "job is APPROVED")
    public ReviewItemResponse verdict(@PathParam("id") UUID id, VerdictRequest body) {
        return ReviewItemResponse.of(review.verdict(CallerPrincipal.of(security), id,
                RequestBodies.required(body).decision()));
    }

    @GET
    @Path("/{id}/mix")
    @Produces("audio/wav")
    @RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The current full mix of the line's language over its span with 2 s either side (WAV)")
    public Response mix(@PathParam("id") UUID id) throws IOException {
        return excerpt(id, ReviewService.Excerpt.MIX);
    }

    @GET
    @Path("/{id}/original")
    @Produces("audio/wav")
    @RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The source's original audio over the same span (WAV)")
    public Response original(@PathParam("id") UUID id) throws IOException {
        return excerpt(id, ReviewService.Excerpt.ORIGINAL);
    }

    @GET
    @Path("/{id}/still")
    @Produces("image/png")
    @RolesAllowed({Role.QA_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A SHOT item's before|after still: the face in the source picture (left) and lip-synced (right)")
    public Response still(@PathParam("id") UUID id) throws IOException {
        java.nio.file.Path file = review.still(id);
        return Response.ok((StreamingOutput) out -> Files.copy(file, out), "image/png")
                .header(HttpHeaders.CONTENT_LENGTH, Files.size(file))
                .header("Content-Disposition", "inline; filename=\"" + id + ".still.png\"").build();
    }

    /** A few seconds of audio cut for this request, sent and deleted. */
    private Response excerpt(UUID id, ReviewService.Excerpt of) throws IOException {
        java.nio.file.Path file = review.excerpt(id, of);
        long size = Files.size(file);
        StreamingOutput bytes = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(bytes, "audio/wav").header(HttpHeaders.CONTENT_LENGTH, size)
                .header("Content-Disposition", "inline; filename=\"" + id + "." + of.name().toLowerCase() + ".wav\"")
                .build();
    }
}
