package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The consent registry through REST on the real server: agency isolation (404, not 403), managers
 * cannot touch consent, evidence is checked by its bytes, models are approved only on clean terms,
 * and a revocation makes a passing dry run fail at once.
 */
@ExtendWith(ArquillianExtension.class)
class ConsentIT {

    static final String TITLE = "NORTHWIND-S01E03";
    static final byte[] PDF = Fixtures.PDF;

    static Api agentA;
    static Api agentB;
    static Api manager;
    static String modelId;
    static Path artifact;

    @BeforeAll
    static void agenciesAndAModel() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Api.createUser("agent-a-" + suffix, "agent", "Agency A " + suffix);
        Api.createUser("agent-b-" + suffix, "agent", "Agency B " + suffix);
        agentA = Api.basic("agent-a-" + suffix, Api.USER_PASSWORD);
        agentB = Api.basic("agent-b-" + suffix, Api.USER_PASSWORD);
        manager = Api.as("manager");
        artifact = Files.createTempFile("voice-model-", ".bin");
        Files.writeString(artifact, "formant voice data " + suffix);
        modelId = registerModel(artifact.toString(), "ON_PREMISES", false);
        HttpResponse<String> approved = Api.admin().post("/api/v1/models/" + modelId + "/approval", "{\"note\":\"offline engine\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("APPROVED", Api.json(approved).getString("status"));
    }

    /**
     * A model whose artifact is a file this test writes, so its engine is one this build does not run:
     * an installed engine's artifact must be exactly what it runs from (ModelArtifactIT). The consent
     * gate and the registry's approval rules do not depend on which engine it is.
     */
    static String registerModel(String location, String site, boolean storesInputs) {
        HttpResponse<String> r = Api.admin().post("/api/v1/models", "{\"name\":\"formant voice es\",\"kind\":\"VOICE\","
                + "\"engine\":\"formant-test\",\"version\":\"1.51\",\"artifactLocation\":\"" + location + "\","
                + "\"licence\":\"GPL-3.0\",\"trainingData\":\"rule-based formant synthesis, no recordings\","
                + "\"trainingDataLicensed\":true,\"storesInputs\":" + storesInputs + ",\"trainsOnInputs\":false,"
                + "\"executionSite\":\"" + site + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    static String performer(Api agent, String name) {
        return Fixtures.performer(agent, name);
    }

    static String evidence(Api agent) {
        return Fixtures.evidence(agent);
    }

    static HttpResponse<String> grant(Api agent, String performerId, String evidenceId, String language) {
        return Fixtures.grant(agent, performerId, evidenceId, TITLE, language);
    }

    static String plan(String performerId, String... languages) {
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (String language : languages) {
            targets.add(Json.createObjectBuilder().add("language", language).add("characters", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("name", "ANNA").add("approach", "SYNTHETIC")
                            .add("voicePerformerId", performerId).add("voiceModelId", modelId))));
        }
        return Json.createObjectBuilder().add("title", TITLE).add("territory", "ES").add("purpose", "TEMP")
                .add("targets", targets).build().toString();
    }

    @Test
    void agentsNeverSeeAnotherAgencysPerformersGrantsOrEvidence() {
        String performerId = performer(agentA, "Anna Berg");
        String evidenceId = evidence(agentA);
        String grantId = Api.json(grant(agentA, performerId, evidenceId, "es")).getString("id");

        for (String path : List.of("/api/v1/performers/" + performerId, "/api/v1/grants/" + grantId,
                "/api/v1/consent-evidence/" + evidenceId, "/api/v1/consent-evidence/" + evidenceId + "/content",
                "/api/v1/performers/" + performerId + "/grants", "/api/v1/performers/" + performerId + "/usage")) {
            HttpResponse<String> r = agentB.get(path);
            assertEquals(404, r.statusCode(), "agency B on " + path + ": " + r.body());
            assertEquals(200, agentA.get(path).statusCode(), "agency A on " + path);
        }
        assertEquals(404, agentB.post("/api/v1/grants/" + grantId + "/revocation", "{\"reason\":\"not mine to revoke\"}").statusCode());
        assertEquals(404, grant(agentB, performerId, evidence(agentB), "es").statusCode(),
                "agency B cannot record consent for agency A's performer");
        assertEquals(404, agentB.put("/api/v1/performers/" + performerId, "{\"legalName\":\"Hijacked\"}").statusCode());
        String listed = agentB.get("/api/v1/performers?limit=500").body();
        assertFalse(listed.contains(performerId), "agency B's list leaks agency A's performer");
        assertTrue(Api.admin().get("/api/v1/performers/" + performerId).statusCode() == 200, "admins see every agency");
        HttpResponse<byte[]> document = agentA.getBytes("/api/v1/consent-evidence/" + evidenceId + "/content", null);
        assertArrayEquals(PDF, document.body());
        assertEquals("application/pdf", document.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void managersCannotRecordOrRevokeConsent() {
        String performerId = performer(agentA, "Bo Lind");
        String evidenceId = evidence(agentA);
        assertEquals(403, grant(manager, performerId, evidenceId, "es").statusCode());
        String grantId = Api.json(grant(agentA, performerId, evidenceId, "es")).getString("id");
        assertEquals(403, manager.post("/api/v1/grants/" + grantId + "/revocation", "{\"reason\":\"x\"}").statusCode());
        assertEquals(403, manager.get("/api/v1/grants/" + grantId).statusCode());
        assertEquals(403, manager.postBytes("/api/v1/consent-evidence", "application/pdf", PDF).statusCode());
    }

    @Test
    void evidenceIsCheckedByContentAndGrantsByEveryField() {
        HttpResponse<String> html = agentA.postBytes("/api/v1/consent-evidence?name=form.pdf", "application/pdf",
                "<html>I agree</html>".getBytes());
        assertEquals(415, html.statusCode(), html.body());
        assertEquals("application/problem+json", html.headers().firstValue("Content-Type").orElseThrow());

        String performerId = performer(agentA, "Cai Wu");
        HttpResponse<String> bad = agentA.post("/api/v1/grants", "{\"performerId\":\"" + performerId + "\",\"evidenceId\":\""
                + evidence(agentA) + "\",\"uses\":[\"CLONING\"],\"titles\":[\"*\"],\"languages\":[\"es_ES\"],"
                + "\"territories\":[\"Europe\"],\"purposes\":[\"TEMP\"],\"validFrom\":\"2026-01-01T00:00:00Z\","
                + "\"validUntil\":\"2025-01-01T00:00:00Z\",\"description\":\"AI voice\",\"compensationReference\":\"\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        List<String> fields = Api.json(bad).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("uses[0]", "titles[0]", "languages[0]", "territories[0]", "validUntil", "description",
                "compensationReference"), fields);
    }

    @Test
    void revocationMakesAPassingDryRunFailAtOnce() {
        String performerId = performer(agentA, "Dana Eke");
        String grantId = Api.json(grant(agentA, performerId, evidence(agentA), "es")).getString("id");

        HttpResponse<String> before = manager.post("/api/v1/consent-checks", plan(performerId, "es-ES", "es-419"));
        assertEquals(200, before.statusCode(), before.body());
        JsonObject allowed = Api.json(before).getJsonObject("decision");
        assertTrue(allowed.getBoolean("allowed"), allowed.toString());
        assertEquals(grantId, allowed.getJsonArray("uses").getJsonObject(0).getString("grantId"));

        assertEquals(200, agentA.post("/api/v1/grants/" + grantId + "/revocation",
                "{\"reason\":\"the performer withdrew consent in writing\"}").statusCode());

        JsonObject after = Api.json(manager.post("/api/v1/consent-checks", plan(performerId, "es-ES", "es-419")))
                .getJsonObject("decision");
        assertFalse(after.getBoolean("allowed"));
        List<JsonObject> violations = after.getJsonArray("violations").getValuesAs(JsonObject.class);
        assertEquals(2, violations.size(), "one per language");
        for (JsonObject v : violations) {
            assertEquals("REVOKED", v.getString("code"));
            assertEquals(performerId, v.getString("performerId"));
            assertEquals("VOICE_SYNTHESIS", v.getString("use"));
        }
        assertEquals(List.of("es-ES", "es-419"), violations.stream().map(v -> v.getString("language")).toList());
    }

    @Test
    void dryRunWithoutConsentListsEveryMissingGrantAndTheUsageReportShowsIt() {
        String covered = performer(agentA, "Eli Fox");
        String uncovered = performer(agentA, "Fay Gill");
        String grantId = Api.json(grant(agentA, covered, evidence(agentA), "es")).getString("id");
        String plan = Json.createObjectBuilder().add("title", TITLE).add("territory", "ES").add("purpose", "TEMP")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("language", "es")
                        .add("characters", Json.createArrayBuilder()
                                .add(character("ELI", covered)).add(character("FAY", uncovered))))).build().toString();
        JsonObject decision = Api.json(manager.post("/api/v1/consent-checks", plan)).getJsonObject("decision");
        assertFalse(decision.getBoolean("allowed"));
        List<JsonObject> violations = decision.getJsonArray("violations").getValuesAs(JsonObject.class);
        assertEquals(1, violations.size());
        assertEquals("NO_GRANT", violations.get(0).getString("code"));
        assertEquals(uncovered, violations.get(0).getString("performerId"));

        List<JsonObject> usage = Api.json(agentA.get("/api/v1/performers/" + covered + "/usage"))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(List.of("GRANT_RECORDED", "GATE_USE_DECISION"), usage.stream().map(u -> u.getString("action")).toList());
        assertEquals(grantId, usage.get(1).getJsonObject("detail").getString("grantId"));
        assertEquals("COVERED", usage.get(1).getString("decision"));
    }

    @Test
    void modelsNeedCleanTermsOrAWrittenOverrideAndAnUnalteredArtifact() throws Exception {
        Path cloudArtifact = Files.createTempFile("cloud-model-", ".bin");
        Files.writeString(cloudArtifact, "vendor model");
        String cloud = registerModel(cloudArtifact.toString(), "VENDOR_CLOUD", true);
        HttpResponse<String> refused = Api.admin().post("/api/v1/models/" + cloud + "/approval", "{}");
        assertEquals(409, refused.statusCode());
        assertTrue(Api.json(refused).getString("detail").contains("it stores inputs; it runs outside the enterprise"),
                refused.body());
        String refusalEntries = Api.admin().get("/api/v1/audit?subject=" + cloud).body();
        assertTrue(refusalEntries.contains("MODEL_APPROVAL_REFUSED"), "a refusal is a model decision on record");

        HttpResponse<String> override = Api.admin().post("/api/v1/approvals", "{\"escalation\":\"MODEL_DATA_TERMS\","
                + "\"subject\":\"" + cloud + "\",\"titleCode\":\"" + TITLE + "\",\"text\":\"Legal accepts the vendor's "
                + "enterprise agreement for this title.\",\"validUntil\":\"" + Instant.now().plus(10, ChronoUnit.DAYS) + "\"}");
        assertEquals(201, override.statusCode(), override.body());
        HttpResponse<String> approved = Api.admin().post("/api/v1/models/" + cloud + "/approval",
                "{\"overrideApprovalId\":\"" + Api.json(override).getString("id") + "\"}");
        assertEquals(200, approved.statusCode(), approved.body());

        assertEquals("MATCH", Api.json(manager.get("/api/v1/models/" + cloud + "/artifact-check")).getString("hashState"));
        Files.writeString(cloudArtifact, "vendor model, silently replaced");
        assertEquals("MISMATCH", Api.json(manager.get("/api/v1/models/" + cloud + "/artifact-check")).getString("hashState"));
    }

    private static JsonObject character(String name, String performerId) {
        return Json.createObjectBuilder().add("name", name).add("approach", "SYNTHETIC")
                .add("voicePerformerId", performerId).add("voiceModelId", modelId).build();
    }
}
