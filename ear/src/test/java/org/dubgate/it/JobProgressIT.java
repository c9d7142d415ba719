package org.dubgate.it;

import jakarta.json.JsonObject;
import org.dubgate.it.ProgressStream.Event;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Progress pushed through the job-events topic, and the reads that load only what they show: the
 * server-sent stream of a job from its first event to its end, resumed after a Last-Event-ID from the
 * database, answered at once after the end; many clients at once each served without a thread of
 * their own; the job list, and single outputs and deliverables by id.
 */
@ExtendWith(ArquillianExtension.class)
class JobProgressIT {

    static Dubbing dubbing;
    static String source;

    @BeforeAll
    static void setUp() {
        dubbing = new Dubbing("es", "en");
        source = dubbing.upload("bed.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 30, 220, 300)).getString("id");
    }

    private static String job(int cues) {
        return dubbing.submit(source, Map.of("es", Dubbing.script(cues, 250, 200, "Frase #."),
                "en", Dubbing.script(cues, 250, 200, "Line #.")), null);
    }

    /** Reads a job's stream until it closes; {@code lastEventId} resumes. */
    static List<Event> stream(String jobId, String lastEventId) {
        return ProgressStream.read(dubbing.manager, jobId, lastEventId, Duration.ofSeconds(120));
    }

    @Test
    void progressIsPushedAsItCommitsResumedFromTheDatabaseAndAnsweredAtOnceAfterTheEnd() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("dubgate.it.server-dir"), "log", "server.log");
        long logBefore = java.nio.file.Files.size(log);
        String jobId = job(6);
        // from the first event on (after event 0): a task may start before the stream opens, and without
        // Last-Event-ID its start would be folded into the opening snapshot (the CI saw 6 starts of 7)
        List<Event> events = stream(jobId, "0");
        Event end = events.get(events.size() - 1);
        assertEquals("end", end.name(), events.toString());
        assertEquals("IN_REVIEW", end.data());
        List<Event> progress = events.subList(0, events.size() - 1);
        progress.forEach(e -> assertEquals("progress", e.name(), e.toString()));
        for (int i = 1; i < progress.size(); i++) {
            assertEquals(Long.parseLong(progress.get(i - 1).id()) + 1, Long.parseLong(progress.get(i).id()),
                    "every event once, in order: " + progress);
        }
        JsonObject job = dubbing.job(jobId);
        int tasks = Dubbing.tasks(job).size();
        assertEquals(tasks, progress.stream().filter(e -> e.json().getString("type").equals("TASK_ENDED")).count(),
                "each task's end was pushed: " + progress);
        assertEquals(tasks, progress.stream().filter(e -> e.json().getString("type").equals("TASK_STARTED")).count());
        JsonObject last = progress.get(progress.size() - 1).json();
        assertEquals("JOB_STATE", last.getString("type"));
        assertEquals("IN_REVIEW", last.getString("jobState"));
        assertEquals(100, last.getInt("progressPercent"));
        assertTrue(last.getBoolean("ended"));
        assertEquals(job.getJsonNumber("lastEventId").longValue(), Long.parseLong(progress.get(progress.size() - 1).id()));

        // resumed after event 3: events 4.. from the database, each as first sent, then the end
        List<Event> resumed = stream(jobId, "3");
        List<Event> expected = progress.stream().filter(e -> Long.parseLong(e.id()) > 3).toList();
        assertEquals(expected.stream().map(Event::data).toList(), resumed.subList(0, resumed.size() - 1).stream()
                .map(Event::data).toList());
        assertEquals("end", resumed.get(resumed.size() - 1).name());

        // after the end: the final state and the end, at once
        List<Event> late = stream(jobId, null);
        assertEquals(2, late.size(), late.toString());
        assertEquals("SNAPSHOT", late.get(0).json().getString("type"));
        assertEquals("IN_REVIEW", late.get(0).json().getString("jobState"));
        assertEquals("end", late.get(1).name());
        assertTrue(late.get(1).atMillis() < 2000, "answered at once: " + late.get(1).atMillis() + " ms");

        // the submission's gate transaction is not nested in another: no connection handed back to
        // a transaction that does not know it (it was one stack trace per gate check)
        String logged;
        try (var in = java.nio.file.Files.newInputStream(log)) {
            in.skipNBytes(logBefore);
            logged = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(logged.contains(jobId), "the log of this job was read");
        assertFalse(logged.contains("IJ000311") || logged.contains("IJ000152"), "connection handling warnings in the log");
    }

    @Test
    void manyClientsAtOnceEachHearTheirJobFromTheStartWithoutWaitingForAnother() throws Exception {
        List<String> jobs = List.of(job(40), job(40), job(40));
        List<CompletableFuture<List<Event>>> clients = new ArrayList<>();
        for (String jobId : jobs) {
            for (int i = 0; i < 6; i++) {
                clients.add(CompletableFuture.supplyAsync(() -> stream(jobId, null)));
            }
        }
        for (CompletableFuture<List<Event>> client : clients) {
            List<Event> events = client.get(180, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(events.get(0).atMillis() < 5000, "first event after " + events.get(0).atMillis() + " ms");
            assertEquals("end", events.get(events.size() - 1).name(), "heard to the end: " + events);
        }
    }

    @Test
    void aClientThatWaitsLongerThanAMinuteForItsJobStillHearsItToTheEnd() throws Exception {
        TaskQueue.pause(); // nothing moves: the stream stays silent after its snapshot
        CompletableFuture<List<Event>> client;
        String jobId;
        try {
            jobId = job(2);
            client = CompletableFuture.supplyAsync(() -> stream(jobId, null));
            Thread.sleep(70_000);
        } finally {
            TaskQueue.resume();
        }
        List<Event> events = client.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("SNAPSHOT", events.get(0).json().getString("type"));
        assertEquals("end", events.get(events.size() - 1).name(), events.toString());
        assertEquals("IN_REVIEW", events.get(events.size() - 1).data());
    }

    @Test
    void theJobListNewestFirstByStateAndTitleCursorPaged() {
        Dubbing other = new Dubbing("es");
        String bed = other.upload("bed2.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 5, 250, 300)).getString("id");
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(other.submit(bed, Map.of("es", Dubbing.script(1, 1000, 800, "Uno.")), null));
        }
        submitted.forEach(id -> other.awaitSettled(id, Duration.ofSeconds(60)));
        List<JsonObject> listed = other.manager.all("/api/v1/jobs?title=" + other.title);
        assertEquals(List.of(submitted.get(2), submitted.get(1), submitted.get(0)),
                listed.stream().map(j -> j.getString("id")).toList(), "newest first");
        listed.forEach(j -> {
            assertEquals("IN_REVIEW", j.getString("state"));
            assertEquals(100, j.getInt("progressPercent"));
            assertEquals(List.of("es"), j.getJsonArray("languages").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString).toList());
        });
        JsonObject first = Api.json(other.manager.get("/api/v1/jobs?title=" + other.title + "&limit=2"));
        assertEquals(2, first.getJsonArray("items").size());
        JsonObject second = Api.json(other.manager.get("/api/v1/jobs?title=" + other.title + "&limit=2&after="
                + java.net.URLEncoder.encode(first.getString("next"), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(submitted.get(0), second.getJsonArray("items").getJsonObject(0).getString("id"));
        assertFalse(second.containsKey("next") && !second.isNull("next"), "the last page");
        assertEquals(0, Api.json(other.manager.get("/api/v1/jobs?title=" + other.title + "&state=FAILED"))
                .getJsonArray("items").size());
        HttpResponse<String> bad = other.manager.get("/api/v1/jobs?state=SOMEDAY");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("state"), bad.body());
        assertEquals(403, Api.as("agent").get("/api/v1/jobs").statusCode());

        String jobId = submitted.get(0);
        JsonObject output = other.manager.all("/api/v1/jobs/" + jobId + "/outputs").get(0);
        assertEquals(output, Api.json(other.manager.get("/api/v1/jobs/" + jobId + "/outputs/" + output.getString("id"))));
        assertEquals(404, other.manager.get("/api/v1/jobs/" + jobId + "/outputs/" + java.util.UUID.randomUUID())
                .statusCode());
        assertEquals(404, other.manager.get("/api/v1/jobs/" + submitted.get(1) + "/outputs/" + output.getString("id"))
                .statusCode(), "an output of another job is not found under this one");
        JsonObject file = other.manager.all("/api/v1/jobs/" + jobId + "/deliverables").get(0);
        assertEquals(file, Api.json(other.manager.get("/api/v1/jobs/" + jobId + "/deliverables/" + file.getString("id"))));
    }
}
