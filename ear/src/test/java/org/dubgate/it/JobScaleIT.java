package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * 300 cues x 3 languages through the real queue, workers and engines: every task ends SUCCEEDED,
 * every line is made exactly once, progress reaches 100 % and each language's fan-in happens once.
 */
@ExtendWith(ArquillianExtension.class)
class JobScaleIT {

    static final int CUES = 300;

    @Test
    void threeHundredCuesInThreeLanguagesEachDoneExactlyOnce() throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "SCALE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Scale\"}").statusCode());
        String media = Api.json(manager.upload("tone.wav", "audio/wav", MediaChecks.toneWav(16_000, 1, 65, 220, 500))).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        String flite = Fixtures.approvedModel("flite");
        String espeak = Fixtures.approvedModel("espeak-ng");
        String performer = Fixtures.performer(agent, "Scale Voice");
        assertEquals(201, Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "en", "es", "fr").statusCode());
        String en = Fixtures.voice(manager, "scale en", flite, performer);
        String es = Fixtures.voice(manager, "scale es", espeak, performer);

        StringBuilder script = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < CUES; i++) {
            long start = i * 200L;
            script.append("c").append(i).append('\n').append(ts(start)).append(" --> ").append(ts(start + 180))
                    .append("\n<v NARRATOR>Line ").append(i).append(".\n\n");
        }
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (String[] t : new String[][]{{"en", en}, {"es", es}, {"fr", es}}) {
            targets.add(Json.createObjectBuilder().add("language", t[0])
                    .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", script.toString()))
                    .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("character", "NARRATOR").add("approach", "SYNTHETIC").add("voiceId", t[1]))));
        }
        HttpResponse<String> accepted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", media).add("territory", "FR").add("purpose", "TEMP").add("targets", targets)
                .build().toString());
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");

        JsonObject job = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            job = Api.json(manager.get("/api/v1/jobs/" + jobId));
            if (List.of("IN_REVIEW", "FAILED", "BLOCKED").contains(job.getString("state"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertNotNull(job);
        assertEquals("IN_REVIEW", job.getString("state"), job.getString("reason", ""));
        assertEquals(100, job.getInt("progressPercent"));
        List<JsonObject> tasks = job.getJsonArray("tasks").getValuesAs(JsonObject.class);
        assertEquals(3 * (CUES / 50), tasks.stream().filter(t -> t.getString("kind").equals("SYNTHESIZE")).count(),
                "batches of 50 cues (the default) per language");
        assertEquals(3, tasks.stream().filter(t -> t.getString("kind").equals("MIX")).count(), "one MIX per language");
        assertEquals(3, tasks.stream().filter(t -> t.getString("kind").equals("CHECK")).count(), "one CHECK per language");
        assertEquals(1, tasks.stream().filter(t -> t.getString("kind").equals("ASSEMBLE")).count(), "one ASSEMBLE");
        assertEquals(3 * (CUES / 50) + 7, tasks.size());
        tasks.forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));
        List<JsonObject> deliverables = manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        assertEquals(7, deliverables.size(), "3 stems, 3 mixes, 1 programme: " + deliverables);

        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        assertEquals(3 * CUES, outputs.size(), "every line exactly once");
        Set<String> lines = new HashSet<>();
        outputs.forEach(o -> assertTrue(lines.add(o.getString("taskId") + "/" + o.getString("cueId")), "duplicate " + o));
        // 180 ms slots 20 ms apart cannot hold "Line 123.": time-fit stops at 1.25x and flags the line for QA
        for (JsonObject o : outputs) {
            JsonObject fit = o.getJsonObject("timeFit");
            double needed = o.getJsonNumber("durationSeconds").doubleValue() / 0.2;
            if (needed > 1.25 && !o.getString("cueId").equals("c" + (CUES - 1))) { // the last may borrow up to the end
                // first the time-fit's flag; CHECK may add its own after it (digits the recognizer hears as words)
                assertEquals("OVERFLOW", o.getJsonArray("flags").getString(0), o.toString());
                assertEquals(1.25, fit.getJsonNumber("tempo").doubleValue(), 1e-9, o.toString());
                assertEquals(needed, fit.getJsonNumber("overflowRatio").doubleValue(), 0.01, o.toString());
            }
        }
        assertTrue(outputs.stream().anyMatch(o -> !o.getJsonArray("flags").isEmpty()), "some lines overflow");
        String ledger = Api.admin().get("/api/v1/audit?subject=" + job.getString("gateCheckId") + "&limit=500").body();
        assertEquals(1, count(ledger, "\"action\":\"GATE_DECISION\""), "one gate decision for the submission");
        String review = Api.admin().get("/api/v1/audit?subject=" + jobId + "&limit=500").body();
        assertEquals(1, count(review, "\"action\":\"JOB_READY_FOR_REVIEW\""),
                "into review exactly once, though 8 tasks per language finish on 4 workers");
    }


    private static String ts(long millis) {
        return String.format("%02d:%02d.%03d", millis / 60000, (millis / 1000) % 60, millis % 1000);
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
