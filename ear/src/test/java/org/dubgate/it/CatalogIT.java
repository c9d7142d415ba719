package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Titles and voices through REST: unique explicit codes, voices only on VOICE models, every bad field at once. */
@ExtendWith(ArquillianExtension.class)
class CatalogIT {

    @Test
    void titlesHaveUniqueExplicitCodes() {
        String code = "CAT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api manager = Api.as("manager");
        HttpResponse<String> created = manager.post("/api/v1/titles", "{\"code\":\"" + code + "\",\"name\":\"Northwind, ep. 3\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(409, manager.post("/api/v1/titles", "{\"code\":\"" + code + "\",\"name\":\"again\"}").statusCode());
        HttpResponse<String> wildcard = manager.post("/api/v1/titles", "{\"code\":\"NORTHWIND-*\",\"name\":\"\"}");
        assertEquals(400, wildcard.statusCode());
        assertEquals(List.of("code", "name"), Api.json(wildcard).getJsonArray("errors").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("field")).toList());
        assertEquals("Northwind, ep. 3", Api.json(Api.as("agent").get("/api/v1/titles/" + code)).getString("name"),
                "agents read titles to name them in grants");
        assertEquals(404, manager.get("/api/v1/titles/NO-SUCH-TITLE").statusCode());
    }

    @Test
    void voicesStandOnVoiceModels() throws Exception {
        Path artifact = Files.writeString(Files.createTempFile("catalog-model-", ".bin"), "voice");
        String voiceModel = model(artifact, "VOICE");
        String lipModel = model(artifact, "LIP_SYNC");
        String performer = Api.json(Api.as("agent").post("/api/v1/performers", "{\"legalName\":\"Ines Roca\"}")).getString("id");
        Api manager = Api.as("manager");

        HttpResponse<String> ines = manager.post("/api/v1/voices", "{\"name\":\"Ines (es)\",\"modelId\":\"" + voiceModel
                + "\",\"performerId\":\"" + performer + "\",\"engineVoice\":\"es\",\"pitchPercent\":110,\"ratePercent\":95}");
        assertEquals(201, ines.statusCode(), ines.body());
        assertFalse(Api.json(ines).getBoolean("stock"));
        HttpResponse<String> stock = manager.post("/api/v1/voices", "{\"name\":\"Narrator\",\"modelId\":\"" + voiceModel + "\"}");
        assertTrue(Api.json(stock).getBoolean("stock"));
        assertEquals(100, Api.json(stock).getInt("pitchPercent"));

        HttpResponse<String> bad = manager.post("/api/v1/voices", "{\"name\":\"\",\"modelId\":\"" + lipModel
                + "\",\"performerId\":\"" + UUID.randomUUID() + "\",\"engineVoice\":\"es; rm -rf /\",\"pitchPercent\":300}");
        assertEquals(400, bad.statusCode());
        assertEquals(List.of("name", "modelId", "performerId", "engineVoice", "pitchPercent"),
                Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        assertEquals(403, Api.as("agent").post("/api/v1/voices", "{}").statusCode());
    }

    @Test
    void theRegistryListsNewestFirstPagedAndByStatus() throws Exception {
        Path artifact = Files.writeString(Files.createTempFile("catalog-list-", ".bin"), "listed");
        String older = model(artifact, "VOICE");
        String newer = model(artifact, "VOICE");
        Api admin = Api.admin();
        JsonObject first = Api.json(admin.get("/api/v1/models?status=PENDING&limit=1"));
        assertEquals(newer, first.getJsonArray("items").getJsonObject(0).getString("id"), "newest first");
        JsonObject second = Api.json(admin.get("/api/v1/models?status=PENDING&limit=1&after="
                + java.net.URLEncoder.encode(first.getString("next"), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(older, second.getJsonArray("items").getJsonObject(0).getString("id"));
        HttpResponse<String> revoked = admin.post("/api/v1/models/" + newer + "/revocation", "{\"reason\":\"listed twice\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals(newer, Api.json(admin.get("/api/v1/models?status=REVOKED&limit=1")).getJsonArray("items")
                .getJsonObject(0).getString("id"));
        assertEquals(older, Api.json(admin.get("/api/v1/models?status=PENDING&limit=1")).getJsonArray("items")
                .getJsonObject(0).getString("id"), "the revoked one left the pending list");
        assertEquals(400, admin.get("/api/v1/models?status=MAYBE").statusCode());
    }

    private static String model(Path artifact, String kind) {
        HttpResponse<String> r = Api.admin().post("/api/v1/models", "{\"name\":\"m\",\"kind\":\"" + kind + "\","
                + "\"engine\":\"test-engine\",\"version\":\"1\",\"artifactLocation\":\"" + artifact + "\",\"licence\":\"MIT\","
                + "\"trainingData\":\"none\",\"trainingDataLicensed\":true,\"storesInputs\":false,\"trainsOnInputs\":false,"
                + "\"executionSite\":\"ON_PREMISES\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }
}
