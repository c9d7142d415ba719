package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.dubgate.media.audio.PcmWav;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A dubbing job on a GRID clip with an English (flite) and a Spanish (espeak-ng) target, on the real
 * server and the real engines: blocked without consent (409 with every missing grant), accepted
 * once granted, every SYNTHESIZE task run by the JMS workers, each line audible and as long as its text.
 */
@ExtendWith(ArquillianExtension.class)
class JobSynthesisIT {

    static final String EN = "WEBVTT\n\n1\n00:00.100 --> 00:01.400\n<v ANNA>Bin blue at F two now.\n\n"
            + "2\n00:01.500 --> 00:02.900\n<v ANNA>Lay red with P nine again, please.\n";
    static final String ES = "1\n00:00:00,100 --> 00:00:01,400\nANNA: Pon el azul en F dos ahora.\n\n"
            + "2\n00:00:01,500 --> 00:00:02,900\nANNA: Deja el rojo con P nueve otra vez, por favor.\n";

    static String title;
    static String mediaId;
    static String annaEn;
    static String annaEs;
    static String voiceEn;
    static String voiceEs;
    static Api agent;
    static Api manager;

    @BeforeAll
    static void titleMediaPerformersVoices() throws Exception {
        manager = Api.as("manager");
        agent = Api.as("agent");
        title = "JOB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Job test\"}").statusCode());
        mediaId = Api.json(manager.upload(Testdata.gridClips().get(0), "video/mpeg")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(mediaId).getString("state"));
        String flite = Fixtures.approvedModel("flite");
        String espeak = Fixtures.approvedModel("espeak-ng");
        annaEn = Fixtures.performer(agent, "Ann English");
        annaEs = Fixtures.performer(agent, "Ana Castellano");
        voiceEn = Fixtures.voice(manager, "Ann (en)", flite, annaEn);
        voiceEs = Fixtures.voice(manager, "Ana (es)", espeak, annaEs);
    }


    static String job(String enScript, String esScript, String enVoice) {
        return job(enScript, esScript, enVoice, voiceEs);
    }

    static String job(String enScript, String esScript, String enVoice, String esVoice) {
        JsonArrayBuilder targets = Json.createArrayBuilder()
                .add(target("en-US", "WEBVTT", enScript, enVoice))
                .add(target("es-ES", "SRT", esScript, esVoice));
        return Json.createObjectBuilder().add("title", title).add("sourceMediaId", mediaId).add("territory", "ES")
                .add("purpose", "TEMP").add("targets", targets).build().toString();
    }

    private static JsonObject target(String language, String format, String script, String voice) {
        return Json.createObjectBuilder().add("language", language)
                .add("script", Json.createObjectBuilder().add("format", format).add("text", script))
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("character", "ANNA")
                        .add("approach", "SYNTHETIC").add("voiceId", voice))).build();
    }

    private static HttpResponse<String> submit(String body, String key) {
        HttpRequest.Builder b = HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/v1/jobs"))
                .header("Authorization", manager.authorizationHeader()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return Api.anonymous().send(b);
    }

    @Test
    void blockedWithoutConsentThenAcceptedAndEveryLineSynthesized() throws Exception {
        HttpResponse<String> blocked = submit(job(EN, ES, voiceEn), null);
        assertEquals(409, blocked.statusCode(), blocked.body());
        JsonObject problem = Api.json(blocked);
        assertEquals("urn:dubgate:problem:consent-blocked", problem.getString("type"));
        List<JsonObject> violations = problem.getJsonArray("violations").getValuesAs(JsonObject.class);
        assertEquals(2, violations.size(), violations.toString());
        assertEquals(Map.of(annaEn, "en-US", annaEs, "es-ES"), Map.of(
                violations.get(0).getString("performerId"), violations.get(0).getString("language"),
                violations.get(1).getString("performerId"), violations.get(1).getString("language")));
        violations.forEach(v -> assertEquals("NO_GRANT", v.getString("code")));
        assertTrue(Api.admin().get("/api/v1/audit?subject=" + problem.getString("checkId")).body().contains("BLOCKED"),
                "the refusal is in the ledger");

        assertEquals(201, Fixtures.grant(agent, annaEn, Fixtures.evidence(agent), title, "en").statusCode());
        assertEquals(201, Fixtures.grant(agent, annaEs, Fixtures.evidence(agent), title, "es").statusCode());
        String key = "job-" + UUID.randomUUID();
        HttpResponse<String> accepted = submit(job(EN, ES, voiceEn), key);
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        HttpResponse<String> again = submit(job(EN, ES, voiceEn), key);
        assertEquals(200, again.statusCode());
        assertEquals(jobId, Api.json(again).getString("id"), "same Idempotency-Key, same job");

        List<ProgressStream.Event> events = ProgressStream.read(manager, jobId, null, Duration.ofSeconds(120));
        assertTrue(ProgressStream.ended(events), events.toString());
        assertTrue(events.size() >= 2 && events.get(0).name().equals(ProgressStream.PROGRESS),
                "progress, then end: " + events);
        assertTrue(events.stream().filter(e -> !e.isEnd()).anyMatch(e -> e.data().contains("\"progressPercent\":100")),
                events.toString());

        JsonObject done = awaitReviewReady(jobId);
        assertEquals(100, done.getInt("progressPercent"), done.toString());
        done.getJsonArray("tasks").getValuesAs(JsonObject.class).forEach(t -> assertEquals("SUCCEEDED", t.getString("state")));
        done.getJsonArray("targets").getValuesAs(JsonObject.class).forEach(t -> assertEquals(t.getJsonNumber("tasks"),
                t.getJsonNumber("tasksSucceeded"), t.toString()));

        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        assertEquals(4, outputs.size(), "2 cues x 2 languages, each exactly once");
        for (JsonObject o : outputs) {
            assertNotNull(o.getString("grantId"), "every line is traceable to its grant");
            HttpResponse<byte[]> wav = manager.getBytes("/api/v1/jobs/" + jobId + "/outputs/" + o.getString("id") + "/audio", null);
            assertEquals(200, wav.statusCode());
            assertTrue(PcmWav.rms(wav.body()) > 300, "audible: " + o);
            double seconds = o.getJsonNumber("durationSeconds").doubleValue();
            assertTrue(seconds > 0.8 && seconds < 6, "a 6-to-9-word line lasts about 1.5 to 4 s: " + o);
        }
    }

    @Test
    void everyProblemOfASubmissionIsListed() {
        String overlapping = "WEBVTT\n\n00:00.100 --> 00:01.400\n<v ANNA>One.\n\n00:01.000 --> 00:02.000\n<v ANNA>Two.\n\n"
                + "00:02.000 --> 00:09.000\n<v ANNA>Past the end.\n\n00:00.500 --> 00:00.900\n<v ZED>Who?\n";
        HttpResponse<String> r = submit(job(overlapping, ES, voiceEn, voiceEn), null);
        assertEquals(400, r.statusCode(), r.body());
        List<String> messages = Api.json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field") + " " + e.getString("message")).toList();
        String all = String.join("\n", messages);
        assertEquals(List.of(
                "targets[0].script cue 4 (line 12): unknown character ZED (not in the cast plan)",
                "targets[0].script cue 2 (line 6): overlaps cue 1 of the same character ANNA",
                "targets[0].script cue 3 (line 9): ends at 9.000 s, after the media's end at 3.000 s",
                "targets[1].characters[0].voiceId voice Ann (en) (flite) does not speak es-ES"), messages);
    }

    @Test
    void hostileAndBrokenScriptsAreRefusedPrecisely() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE tt [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"0s\" end=\"1s\">&x;</p></div></body></tt>";
        String body = Json.createObjectBuilder().add("title", title).add("sourceMediaId", mediaId).add("territory", "ES")
                .add("purpose", "TEMP").add("targets", Json.createArrayBuilder()
                        .add(target("en-US", "TTML", xxe, voiceEn))
                        .add(target("es-ES", "SRT", "1\n00:00:01.000 -> 00:00:02,000\nANNA: Hola\n", voiceEs))
                        .add(target("fr", "WEBVTT", "00:01.000 --> 00:02.000\nBonjour\n", voiceEs))
                        .add(target("de", "TTML", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                                + "<tt xmlns=\"http://www.w3.org/ns/ttml\"><body><div><p begin=\"0s\" end=\"1s\">&lol2;</p>"
                                + "</div></body></tt>", voiceEs))).build().toString();
        HttpResponse<String> r = submit(body, null);
        assertEquals(400, r.statusCode(), r.body());
        String all = r.body();
        assertEquals(2, Api.json(r).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("message").contains("DOCTYPE declarations are not allowed")).count(),
                "XXE and billion laughs: " + all);
        assertTrue(all.contains("line 2: malformed timing '00:00:01.000 -> 00:00:02,000'"), all);
        assertTrue(all.contains("line 1: a WebVTT file must start with the line 'WEBVTT'"), all);
        assertFalse(all.contains("root:"), "no file content leaks");
    }

    /** A script of {@code n} short lines of ANNA packed into the 3-second clip, for jobs that take a while. */
    static String manyLines(int n) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < n; i++) {
            long start = 10 + i * 45L;
            vtt.append(ts(start)).append(" --> ").append(ts(start + 40)).append("\n<v ANNA>Line ").append(i)
                    .append(".\n\n");
        }
        return vtt.toString();
    }

    private static String ts(long millis) {
        return String.format("00:%02d.%03d", millis / 1000, millis % 1000);
    }

    /** A performer with a voice on flite and a grant for the title in English, for tests that revoke it. */
    private static String[] freshVoice() {
        String performer = Fixtures.performer(agent, "Temp " + UUID.randomUUID().toString().substring(0, 6));
        String grant = Api.json(Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "en", "es")).getString("id");
        String flite = Api.json(manager.get("/api/v1/voices/" + voiceEn)).getString("modelId");
        String espeak = Api.json(manager.get("/api/v1/voices/" + voiceEs)).getString("modelId");
        return new String[]{performer, grant, Fixtures.voice(manager, "fresh en", flite, performer),
                Fixtures.voice(manager, "fresh es", espeak, performer)};
    }

    private static JsonObject awaitNoOpenTask(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            job = Api.json(manager.get("/api/v1/jobs/" + jobId));
            boolean open = job.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                    .anyMatch(t -> t.getString("state").equals("PENDING") || t.getString("state").equals("RUNNING"));
            if (!open) {
                return job;
            }
            Thread.sleep(200);
        }
        return fail("tasks still open after 120 s: " + job);
    }

    @Test
    void revocationMidJobBlocksTheWorkAndQuarantinesWhatWasMade() throws Exception {
        String[] fresh = freshVoice();
        HttpResponse<String> accepted = submit(job(manyLines(60), ES, fresh[2], fresh[3]), null);
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        assertEquals(200, agent.post("/api/v1/grants/" + fresh[1] + "/revocation",
                "{\"reason\":\"the performer withdrew consent mid-production\"}").statusCode());

        JsonObject job = awaitNoOpenTask(jobId);
        assertEquals("BLOCKED", job.getString("state"), job.toString());
        assertTrue(job.getString("reason").contains(fresh[1]), job.toString());
        List<JsonObject> tasks = job.getJsonArray("tasks").getValuesAs(JsonObject.class);
        assertTrue(tasks.stream().anyMatch(t -> t.getString("state").equals("BLOCKED")), tasks.toString());
        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        outputs.forEach(o -> assertTrue(o.getBoolean("quarantined"), "made under the revoked grant: " + o));
        if (!outputs.isEmpty()) {
            assertEquals(410, manager.getBytes("/api/v1/jobs/" + jobId + "/outputs/" + outputs.get(0).getString("id")
                    + "/audio", null).statusCode(), "quarantined audio is never served");
        }
        Thread.sleep(1500);
        manager.all("/api/v1/jobs/" + jobId + "/outputs").forEach(o -> assertTrue(o.getBoolean("quarantined"),
                "a line that was in the engine during the revocation is kept quarantined too: " + o));
    }

    @Test
    void cancelStopsTheJobAndKeepsWhatWasDone() throws Exception {
        String[] fresh = freshVoice();
        HttpResponse<String> accepted = submit(job(manyLines(60), ES, fresh[2], fresh[3]), null);
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        HttpResponse<String> cancelled = manager.post("/api/v1/jobs/" + jobId + "/cancel", null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", Api.json(cancelled).getString("state"));
        JsonObject job = awaitNoOpenTask(jobId);
        assertEquals("CANCELLED", job.getString("state"));
        assertTrue(job.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .anyMatch(t -> t.getString("state").equals("CANCELLED")), job.toString());
        int kept = manager.all("/api/v1/jobs/" + jobId + "/outputs").size();
        Thread.sleep(1500);
        assertEquals(kept, manager.all("/api/v1/jobs/" + jobId + "/outputs").size(), "no work after cancel");
        assertEquals(409, manager.post("/api/v1/jobs/" + jobId + "/cancel", null).statusCode(), "cancelled once");
    }

    private static JsonObject awaitReviewReady(String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            job = Api.json(manager.get("/api/v1/jobs/" + jobId));
            if (List.of("IN_REVIEW", "FAILED", "BLOCKED").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(250);
        }
        return fail("not in review after 120 s: " + job);
    }
}
