package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/** The OpenAPI document and the management port's readiness that operators and clients rely on. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    private static final int MANAGEMENT_PORT = Integer.getInteger("it.management-port", 10090);

    @Test
    void openApiDocumentDescribesTheApi() {
        HttpResponse<String> r = Api.anonymous().send(HttpRequest.newBuilder(URI.create(Api.BASE + "/openapi?format=JSON")));
        assertEquals(200, r.statusCode());
        JsonObject doc = Api.json(r);
        assertEquals("dubgate", doc.getJsonObject("info").getString("title"));
        JsonObject paths = doc.getJsonObject("paths");
        for (String path : new String[]{"/api/v1/media", "/api/v1/media/{id}", "/api/v1/media/{id}/content",
                "/api/v1/users", "/api/v1/sessions", "/api/v1/performers", "/api/v1/grants", "/api/v1/consent-evidence",
                "/api/v1/consent-checks", "/api/v1/approvals", "/api/v1/models", "/api/v1/models/{id}/approval",
                "/api/v1/audit", "/api/v1/audit/verification", "/api/v1/review-items", "/api/v1/review-items/{id}/verdict",
                "/api/v1/jobs/{id}/delivery", "/api/v1/deliveries/{id}", "/api/v1/deliveries/{id}/package",
                "/api/v1/schemas/delivery-manifest.json"}) {
            assertTrue(paths.containsKey(path), path + " missing from " + paths.keySet());
        }
        assertTrue(doc.getJsonObject("components").getJsonObject("securitySchemes").containsKey("basic"));
    }

    @Test
    void readinessReportsTheDeploymentUp() {
        HttpResponse<String> r = Api.anonymous().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + MANAGEMENT_PORT + "/health/ready")));
        assertEquals(200, r.statusCode(), r.body());
        // the base health subsystem answers 200 only when every check is UP; its body lists them
        String body = r.body().replace(" ", "");
        assertTrue(body.contains("\"deployments-status\""), body);
        assertTrue(body.contains("\"dubgate.ear\":\"OK\""), body);
    }
}
