package org.dubgate.it;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Performers, evidence and grants recorded through the API as an agent would. */
final class Fixtures {

    static final String DESCRIPTION = "Synthesize dialogue in the performer's voice for the temporary dub of this "
            + "episode, for internal review screenings only, never for delivery.";
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes();

    private Fixtures() {
    }

    static String performer(Api agent, String name) {
        HttpResponse<String> r = agent.post("/api/v1/performers", "{\"legalName\":\"" + name + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    static String evidence(Api agent) {
        HttpResponse<String> r = agent.postBytes("/api/v1/consent-evidence?name=signed.pdf", "application/pdf", PDF);
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    /** A VOICE_SYNTHESIS grant, WORLDWIDE, TEMP, valid from yesterday for 30 days. */
    static HttpResponse<String> grant(Api agent, String performerId, String evidenceId, String title, String... languages) {
        Instant from = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant until = Instant.now().plus(30, ChronoUnit.DAYS);
        String langs = Arrays.stream(languages).map(l -> "\"" + l + "\"").collect(Collectors.joining(","));
        return agent.post("/api/v1/grants", "{\"performerId\":\"" + performerId + "\",\"evidenceId\":\"" + evidenceId
                + "\",\"uses\":[\"VOICE_SYNTHESIS\"],\"titles\":[\"" + title + "\"],\"languages\":[" + langs
                + "],\"territories\":[\"WORLDWIDE\"],\"purposes\":[\"TEMP\"],\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\",\"description\":\"" + DESCRIPTION
                + "\",\"compensationReference\":\"CONTRACT-2026-114\"}");
    }
}
