package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The pipeline's failure paths on the real server, provoked for real: an engine killed by a line
 * timeout set low on the running server, a stored object removed from storage under a job, a cancel
 * landing while MIX and ASSEMBLE run. Every ended stage keeps its attempts and its real cause.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineFailuresIT {

    static final Path SERVER_DIR = Path.of(System.getProperty("dubgate.it.server-dir"));


    @TempDir
    Path tmp;

    @Test
    void aSynthesisWhoseEveryAttemptTimesOutFailsWithItsReasonAndKeepsTheLinesMadeBefore() throws Exception {
        Dubbing d = new Dubbing("es");
        String source = d.upload("bed.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 70, 330, 400)).getString("id");
        int cues = 300;
        String jobId = d.submit(source, Map.of("es", Dubbing.script(cues, 200, 180, "Frase #.")), null);
        JsonObject job;
        try {
            // once some lines are made, the running server is told to kill every engine after 1 ms
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> d.manager.all("/api/v1/jobs/" + jobId + "/outputs").size() >= 20);
            ServerProperties.set("dubgate.synthesis.line-timeout-ms", "1");
            job = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> d.job(jobId),
                    j -> !List.of("QUEUED", "RUNNING").contains(j.getString("state")) && Dubbing.tasks(j).stream()
                            .allMatch(t -> !List.of("PENDING", "RUNNING").contains(t.getString("state"))));
        } finally {
            ServerProperties.remove("dubgate.synthesis.line-timeout-ms");
        }
        assertEquals("FAILED", job.getString("state"), job.toString());
        List<JsonObject> failed = Dubbing.tasks(job).stream().filter(t -> t.getString("state").equals("FAILED")).toList();
        assertFalse(failed.isEmpty(), job.toString());
        for (JsonObject task : failed) {
            assertEquals(3, task.getInt("attempts"), "every attempt the queue allows: " + task);
            assertTrue(task.getString("lastError").contains("timed out after 1 ms"), task.toString());
        }
        Dubbing.tasks(job).forEach(t -> assertTrue(List.of("SUCCEEDED", "FAILED", "CANCELLED")
                .contains(t.getString("state")), "every task ended, none left running: " + t));
        assertTrue(job.getString("reason").contains("failed after 3 attempt(s)") && job.getString("reason")
                .contains("timed out after 1 ms"), job.getString("reason"));
        List<String> made = d.manager.all("/api/v1/jobs/" + jobId + "/outputs").stream().map(o -> o.getString("cueId"))
                .toList();
        assertTrue(made.size() >= 20 && made.size() < cues, "the lines made before the failure are kept: " + made.size());
        assertEquals(made.size(), new java.util.HashSet<>(made).size(), "each once");
    }

    @Test
    void aMixWhoseInputVanishedFromStorageFailsNamingTheMissingFile() throws Exception {
        Dubbing d = new Dubbing("es");
        String source = d.upload("src.wav", "audio/wav", MediaChecks.toneWav(16_000, 1, 8, 220, 300)).getString("id");
        // an M&E of its own (a frequency no other test uses), so removing its object touches nothing else
        JsonObject mne = d.upload("mne.wav", "audio/wav", MediaChecks.toneWav(16_000, 2, 8, 277.7, 300));
        String jobId = d.submit(source, Map.of("es", Dubbing.script(3, 2000, 1500, "Frase #.")), mne.getString("id"));
        String sha = mne.getString("sha256");
        Files.delete(SERVER_DIR.resolve("data/dubgate/storage/objects").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha));

        JsonObject job = d.awaitSettled(jobId, Duration.ofSeconds(90));
        assertEquals("FAILED", job.getString("state"), job.toString());
        JsonObject mix = Dubbing.tasks(job).stream().filter(t -> t.getString("kind").equals("MIX")).findFirst().orElseThrow();
        assertEquals("FAILED", mix.getString("state"));
        assertEquals(3, mix.getInt("attempts"), "each failed start counts: " + mix);
        String reason = mix.getString("lastError");
        assertTrue(reason.contains("the M&E stem") && reason.contains(mne.getString("id")) && reason.contains(sha)
                && reason.contains("missing from storage"), reason);
        assertTrue(job.getString("reason").contains(sha), job.getString("reason"));
        Dubbing.tasks(job).stream().filter(t -> t.getString("kind").equals("SYNTHESIZE"))
                .forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));
    }

    @Test
    void aMixOrAssembleThatFinishesAfterACancelEndsCancelledWithNothingRecorded() throws Exception {
        Dubbing d = new Dubbing("es");
        String source = d.upload("long.flac", "audio/flac", Files.readAllBytes(Dubbing.silentFlac(tmp.resolve("l.flac"),
                1500))).getString("id");
        for (String stage : List.of("MIX", "ASSEMBLE")) {
            String jobId = d.submit(source, Map.of("es", Dubbing.script(2, 2000, 1500, "Frase #.")), null);
            d.awaitRunning(jobId, stage, Duration.ofSeconds(120));
            assertEquals(200, d.manager.post("/api/v1/jobs/" + jobId + "/cancel", null).statusCode());
            JsonObject job = d.awaitSettled(jobId, Duration.ofSeconds(30));
            assertEquals("CANCELLED", job.getString("state"));
            JsonObject task = Dubbing.tasks(job).stream().filter(t -> t.getString("kind").equals(stage)).findFirst()
                    .orElseThrow();
            assertEquals("CANCELLED", task.getString("state"), task.toString());
            assertEquals(1, task.getInt("attempts"), task.toString());
            // the stage's media work goes on to its end, then finds the job stopped and records nothing
            String kind = stage.equals("MIX") ? "FULL_MIX" : "PROGRAMME";
            Thread.sleep(8000);
            assertTrue(d.manager.all("/api/v1/jobs/" + jobId + "/deliverables").stream()
                    .noneMatch(x -> x.getString("kind").equals(kind)), "no " + kind + " recorded after the cancel");
            assertEquals("CANCELLED", d.job(jobId).getString("state"));
        }
        try (Stream<Path> left = Files.walk(SERVER_DIR.resolve("data/dubgate/work"))) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "no working file left behind");
        }
    }
}
