package org.dubgate.web.problem;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import org.dubgate.domain.gate.GateDecision;

import java.util.List;
import java.util.Map;

/**
 * Builds an RFC 9457 problem response. {@code type} is {@code about:blank} for plain HTTP
 * failures and a {@code urn:dubgate:problem:*} URI where dubgate gives the failure a meaning of its own.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String DUBGATE_TYPE = "urn:dubgate:problem:";

    private final int status;
    private final String type;
    private final String title;
    private final String detail;
    private final JsonObjectBuilder extensions = Json.createObjectBuilder();
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();
    private String instance;

    private Problem(int status, String type, String title, String detail) {
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
    }

    /** A failure fully described by its HTTP status. */
    public static Problem http(Response.Status status, String detail) {
        return new Problem(status.getStatusCode(), "about:blank", status.getReasonPhrase(), detail);
    }

    public static Problem http(int status, String title, String detail) {
        return new Problem(status, "about:blank", title, detail);
    }

    /** A dubgate-specific failure, e.g. {@code validation} or {@code consent-blocked}. */
    public static Problem typed(int status, String slug, String title, String detail) {
        return new Problem(status, DUBGATE_TYPE + slug, title, detail);
    }

    public Problem instance(String instance) {
        this.instance = instance;
        return this;
    }

    public Problem with(String name, String value) {
        extensions.add(name, value);
        return this;
    }

    public Problem with(String name, long value) {
        extensions.add(name, value);
        return this;
    }

    /** The field errors of a validation problem: {@code errors: [{field, message}]}. */
    public Problem errors(List<Map.Entry<String, String>> fieldErrors) {
        JsonArrayBuilder errors = Json.createArrayBuilder();
        fieldErrors.forEach(e -> errors.add(Json.createObjectBuilder().add("field", e.getKey()).add("message", e.getValue())));
        extensions.add("errors", errors);
        return this;
    }

    /** The consent gate's violations: who, which use, language, territory, purpose, and why. */
    public Problem violations(List<GateDecision.Violation> violations) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (GateDecision.Violation v : violations) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("code", v.code()).add("message", v.message());
            optional(o, "performerId", v.performerId() == null ? null : v.performerId().toString());
            optional(o, "use", v.use());
            optional(o, "language", v.language());
            optional(o, "territory", v.territory());
            optional(o, "purpose", v.purpose());
            optional(o, "subject", v.subject());
            list.add(o);
        }
        extensions.add("violations", list);
        return this;
    }

    private static void optional(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }

    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Response toResponse() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", type).add("title", title).add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        extensions.build().forEach(body::add);
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(body.build().toString());
        headers.forEach(response::header);
        return response.build();
    }
}
