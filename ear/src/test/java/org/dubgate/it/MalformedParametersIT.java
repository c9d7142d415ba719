package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A parameter that does not convert to its type: a malformed query parameter is a 400 validation
 * problem naming it, on every endpoint (JAX-RS would answer 404, as if the address did not exist);
 * a malformed path segment stays a 404 — the address names no resource — but says which segment.
 */
@ExtendWith(ArquillianExtension.class)
class MalformedParametersIT {

    @Test
    void malformedQueryParameterIsA400NamingIt() {
        String someId = UUID.randomUUID().toString();
        Map<String, Api> calls = new java.util.LinkedHashMap<>();
        calls.put("/api/v1/audit?limit=abc", Api.admin());
        calls.put("/api/v1/users?limit=ten", Api.admin());
        calls.put("/api/v1/models?limit=1.5", Api.admin());
        calls.put("/api/v1/approvals?limit=", Api.admin());
        calls.put("/api/v1/titles?limit=9999999999", Api.as("manager"));
        calls.put("/api/v1/voices?limit=-", Api.as("manager"));
        calls.put("/api/v1/jobs?state=QUEUED&limit=x", Api.as("manager"));
        calls.put("/api/v1/jobs/" + someId + "/outputs?limit=x", Api.as("manager"));
        calls.put("/api/v1/jobs/" + someId + "/deliverables?limit=%F0%9F%8E%AC", Api.as("qa"));
        calls.put("/api/v1/performers?limit=many", Api.as("agent"));
        calls.put("/api/v1/performers/" + someId + "/usage?limit=x", Api.as("agent"));
        calls.forEach((uri, api) -> {
            String path = uri.substring(0, uri.indexOf('?'));
            JsonObject p = ProblemDetailsIT.problem(api.get(uri), 400, path);
            assertEquals("urn:dubgate:problem:validation", p.getString("type"), uri);
            List<JsonObject> errors = p.getJsonArray("errors").getValuesAs(JsonObject.class);
            assertEquals(1, errors.size(), uri + ": " + p);
            assertEquals("limit", errors.get(0).getString("field"), uri + ": " + p);
            assertTrue(errors.get(0).getString("message").contains("whole number"), uri + ": " + p);
        });
    }

    @Test
    void wellFormedButOutOfRangeStaysTheDomainsAnswer() {
        JsonObject p = ProblemDetailsIT.problem(Api.admin().get("/api/v1/audit?limit=0"), 400, "/api/v1/audit");
        assertEquals("limit", p.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void malformedPathSegmentIsA404NamingIt() {
        String someId = UUID.randomUUID().toString();
        Map<String, Api> calls = Map.of(
                "/api/v1/media/not-a-uuid", Api.as("manager"),
                "/api/v1/jobs/42", Api.as("manager"),
                "/api/v1/jobs/" + someId + "/outputs/x", Api.as("qa"),
                "/api/v1/grants/zzz", Api.as("agent"),
                "/api/v1/users/me", Api.admin());
        calls.forEach((path, api) -> {
            JsonObject p = ProblemDetailsIT.problem(api.get(path), 404, path);
            String detail = p.getString("detail");
            String segment = path.substring(path.lastIndexOf('/') + 1);
            assertTrue(detail.contains("'" + segment + "'") && detail.contains("UUID"), path + ": " + detail);
        });
    }
}
