package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.*;

/** The installed engines register by name: the server finds their binary, library and voice data and hashes them. */
@ExtendWith(ArquillianExtension.class)
class EngineModelsIT {

    @Test
    void espeakAndFliteRegisterWithTheirArtifactsAndStayVerified() {
        JsonObject espeak = Fixtures.registerModel("espeak-ng");
        assertTrue(espeak.getString("artifactLocation").contains("espeak-ng-data"), espeak.toString());
        assertTrue(espeak.getString("artifactLocation").contains(":"), "binary, library and data");
        assertTrue(espeak.getString("artifactSha256").matches("[0-9a-f]{64}"));
        assertFalse(espeak.getString("version").isBlank());

        JsonObject flite = Fixtures.registerModel("flite");
        assertTrue(flite.getString("artifactLocation").contains("libflite_cmu_us_slt"), flite.toString());
        assertTrue(flite.getString("version").startsWith("flite-"));

        for (JsonObject m : new JsonObject[]{espeak, flite}) {
            String id = m.getString("id");
            assertEquals("APPROVED", Api.json(Api.admin().post("/api/v1/models/" + id + "/approval", "{}")).getString("status"));
            assertEquals("MATCH", Api.json(Api.admin().get("/api/v1/models/" + id + "/artifact-check")).getString("hashState"));
        }
    }

    @Test
    void anUnknownEngineNeedsItsArtifactLocation() {
        HttpResponse<String> r = Api.admin().post("/api/v1/models", "{\"name\":\"x\",\"kind\":\"VOICE\",\"engine\":\"piper\","
                + "\"version\":\"1\",\"licence\":\"MIT\",\"trainingData\":\"x\",\"trainingDataLicensed\":true,"
                + "\"storesInputs\":false,\"trainsOnInputs\":false,\"executionSite\":\"ON_PREMISES\"}");
        assertEquals(400, r.statusCode());
        assertEquals("artifactLocation", Api.json(r).getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
