package org.dubgate.web.problem;

import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.dubgate.application.consent.UnsupportedContentException;
import org.dubgate.application.job.ConsentBlockedException;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.media.script.Utf8;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers. Known failures get their status and a clear
 * detail; anything unexpected is a 500 whose body carries only a correlation id, which is also in
 * the server log beside the stack trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uri;
    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(Throwable thrown) {
        Problem problem = problemFor(unwrap(thrown));
        if (uri != null) {
            problem.instance(uri.getRequestUri().getRawPath());
        }
        return problem.toResponse();
    }

    private Problem problemFor(Throwable t) {
        if (t instanceof InvalidInputException e) {
            return validation(e);
        }
        Optional<Utf8.InvalidUtf8Exception> notUtf8 = causeOf(t, Utf8.InvalidUtf8Exception.class);
        if (notUtf8.isPresent()) {
            return validation(InvalidInputException.of("body", "not UTF-8, as JSON must be: "
                    + notUtf8.get().detail() + " of the body"));
        }
        Optional<ParameterFailure> parameter = t instanceof WebApplicationException e
                ? ParameterFailure.of(e.getMessage()) : Optional.empty();
        if (parameter.isPresent()) {
            return parameterProblem(parameter.get());
        }
        if (t instanceof NoSuchEntityException e) {
            return Problem.http(Response.Status.NOT_FOUND, e.getMessage());
        }
        if (t instanceof org.dubgate.domain.shared.GoneException e) {
            return Problem.typed(410, "gone", "No longer served", e.getMessage());
        }
        if (t instanceof org.dubgate.domain.shared.NotPermittedException e) {
            return Problem.typed(403, "not-permitted", "Not permitted", e.getMessage());
        }
        if (t instanceof RuleViolationException e) {
            return Problem.typed(409, "conflict", "Conflict with the current state", e.getMessage());
        }
        if (t instanceof ContentTooLargeException e) {
            return Problem.http(413, "Content Too Large", e.getMessage()).with("limitBytes", e.limitBytes());
        }
        if (t instanceof ConsentBlockedException e) {
            return Problem.typed(409, "consent-blocked", "Blocked by the consent gate", e.getMessage()
                    + "; every violation is listed, fix them and resubmit")
                    .with("checkId", e.check().checkId().toString())
                    .violations(e.check().decision().violations());
        }
        if (t instanceof UnsupportedContentException e) {
            return Problem.http(415, "Unsupported Media Type", e.getMessage());
        }
        if (t instanceof RangeNotSatisfiableException e) {
            return Problem.http(416, "Range Not Satisfiable", e.getMessage())
                    .header("Content-Range", "bytes */" + e.size());
        }
        if (t instanceof ProcessingException || t instanceof JsonbException || t instanceof JsonException) {
            return Problem.typed(400, "malformed-body", "Malformed request body",
                    "the request body is not valid JSON of the expected shape");
        }
        if (t instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            Response r = e.getResponse();
            Problem p = Problem.http(r.getStatus(), r.getStatusInfo().getReasonPhrase(), detailFor(e));
            if (e instanceof NotAllowedException) {
                p.header("Allow", String.join(", ", r.getAllowedMethods()));
            }
            return p;
        }
        String correlationId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "unexpected failure, correlation id " + correlationId, t);
        return Problem.http(Response.Status.INTERNAL_SERVER_ERROR,
                        "an unexpected error occurred; quote the correlation id when reporting it")
                .with("correlationId", correlationId);
    }

    /** Up to {@value InvalidInputException#MAX_LISTED} field errors, and how many there were in all. */
    private static Problem validation(InvalidInputException e) {
        return Problem.typed(400, "validation", "Invalid input", e.getMessage())
                .errors(e.errors().stream().map(f -> Map.entry(f.field(), f.message())).toList())
                .with("errorCount", e.total());
    }

    /**
     * JAX-RS answers a query parameter that does not convert (?limit=abc) with 404, as if the address
     * did not exist: here it is the 400 it is, naming the parameter. A path segment that does not
     * convert (/jobs/42) does name no resource, so it stays 404, and says which segment and why.
     */
    private Problem parameterProblem(ParameterFailure p) {
        String message = p.message(resource == null ? null : resource.getResourceMethod());
        if (p.inPath()) {
            return Problem.http(Response.Status.NOT_FOUND, "no resource at this address: path segment {" + p.name()
                    + "} " + message);
        }
        String where = p.source().toLowerCase(java.util.Locale.ROOT) + " parameter";
        return validation(new InvalidInputException(List.of(new InvalidInputException.FieldError(p.name(),
                message + " (" + where + ")"))));
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    private static String detailFor(WebApplicationException e) {
        return switch (e.getResponse().getStatus()) {
            case 404 -> "no resource at this address";
            case 405 -> "this resource does not support the method; see the Allow header";
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "the request's Content-Type is not accepted here";
            default -> e.getMessage();
        };
    }

    /** EJB containers wrap unchecked exceptions that are not application exceptions. */
    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
