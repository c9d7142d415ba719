package org.dubgate.web.job;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.dubgate.application.job.JobRequest;
import org.dubgate.application.job.JobScripts;
import org.dubgate.domain.identity.Role;
import org.dubgate.media.script.Cue;
import org.dubgate.media.script.ScriptParse;
import org.dubgate.web.RequestBodies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * A script read as a submission would read it, without submitting: the cues a manager is about to
 * dub, or every problem with the line it is on. Nothing is stored.
 */
@Path("/script-previews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "jobs")
public class ScriptPreviewResource {

    /** The script's cues, or its problems (then no cues); {@code refused} when a limit stopped the reading. */
    public record ScriptPreviewResponse(String format, int cueCount, List<CueView> cues, List<ProblemView> errors,
                                        boolean refused) {
    }

    /** One cue: times in seconds, the character when the script names one. */
    public record CueView(String id, double start, double end, String character, String text, int line) {
    }

    /** Where the problem is ("line 12", "cue 3") and what it is. */
    public record ProblemView(String where, String message) {
    }

    @Inject
    JobScripts scripts;

    @POST
    @RolesAllowed({Role.MANAGER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Read a script as POST /jobs would: its cues, or every problem with its line")
    public ScriptPreviewResponse preview(JobRequest.ScriptRequest body) {
        ScriptParse parse = scripts.preview(RequestBodies.required(body));
        return new ScriptPreviewResponse(parse.format().name(), parse.cues().size(),
                parse.cues().stream().map(ScriptPreviewResource::view).toList(),
                parse.errors().stream().map(e -> new ProblemView(e.where(), e.message())).toList(), parse.refused());
    }

    private static CueView view(Cue c) {
        return new CueView(c.id(), c.start().toMillis() / 1000.0, c.end().toMillis() / 1000.0,
                c.character().orElse(null), c.text(), c.line());
    }
}
