package org.dubgate.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Performers, evidence, grants, engine models and voices recorded through the API as their users would. */
public final class Fixtures {

    static final String DESCRIPTION = "Synthesize dialogue in the performer's voice for the temporary dub of this "
            + "episode, for internal review screenings only, never for delivery.";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();

    private Fixtures() {
    }

    public static String performer(Api agent, String name) {
        HttpResponse<String> r = agent.post("/api/v1/performers", "{\"legalName\":\"" + name + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    public static String evidence(Api agent) {
        HttpResponse<String> r = agent.postBytes("/api/v1/consent-evidence?name=signed.pdf", "application/pdf", PDF);
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    /** A VOICE_SYNTHESIS grant, WORLDWIDE, TEMP, valid from yesterday for 30 days. */
    public static HttpResponse<String> grant(Api agent, String performerId, String evidenceId, String title, String... languages) {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS);
        String langs = Arrays.stream(languages).map(l -> "\"" + l + "\"").collect(Collectors.joining(","));
        return agent.post("/api/v1/grants", "{\"performerId\":\"" + performerId + "\",\"evidenceId\":\"" + evidenceId
                + "\",\"uses\":[\"VOICE_SYNTHESIS\"],\"titles\":[\"" + title + "\"],\"languages\":[" + langs
                + "],\"territories\":[\"WORLDWIDE\"],\"purposes\":[\"TEMP\"],\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\",\"description\":\"" + DESCRIPTION
                + "\",\"compensationReference\":\"CONTRACT-2026-114\"}");
    }

    /** Registers an installed engine by name (admin); the server hashes its artifacts. */
    static JsonObject registerModel(String engine) {
        HttpResponse<String> r = Api.admin().post("/api/v1/models", "{\"name\":\"" + engine + " (offline)\","
                + "\"kind\":\"VOICE\",\"engine\":\"" + engine + "\",\"licence\":\"free software (Debian main)\","
                + "\"trainingData\":\"rule-based or CMU ARCTIC-derived voices shipped by Debian\","
                + "\"trainingDataLicensed\":true,\"storesInputs\":false,\"trainsOnInputs\":false,"
                + "\"executionSite\":\"ON_PREMISES\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r);
    }

    /** Registers an installed engine by name and approves it; returns the model id. */
    public static String approvedModel(String engine) {
        String id = registerModel(engine).getString("id");
        assertEquals(200, Api.admin().post("/api/v1/models/" + id + "/approval", "{}").statusCode());
        return id;
    }

    /** A performer's voice on a model (manager); returns the voice id. */
    public static String voice(Api manager, String name, String model, String performer) {
        HttpResponse<String> r = manager.post("/api/v1/voices", "{\"name\":\"" + name + "\",\"modelId\":\"" + model
                + "\",\"performerId\":\"" + performer + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }
}
