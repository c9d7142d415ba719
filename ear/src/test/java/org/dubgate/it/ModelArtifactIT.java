package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dubgate.media.voice.VoiceEngines;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * R5's pin is what runs, and holds line by line. A registration of an installed engine whose
 * artifact is not exactly what the engine runs from is refused; an engine registered from a copy of
 * its files runs from that copy; and when a file of the copy changes mid-job, the task stops at the
 * next line — BLOCKED with the file named — instead of making the rest of its batch first.
 */
@ExtendWith(ArquillianExtension.class)
class ModelArtifactIT {

    /** One SYNTHESIZE task: the server's default batch is 50 cues. */
    static final int CUES = 50;
    /**
     * Long enough that a line takes espeak-ng clearly longer than the test takes to see a recorded
     * group and change the file, so what is recorded after that is the line in flight, not lines made
     * while the test looked.
     */
    static final String LINE = "Frase número #, dicha despacio y con calma, para que la oigan bien todos los que "
            + "esperan en la sala grande del fondo.";

    /** A copy of espeak-ng (binary, library, voice data) that this test owns, and may change. */
    static Path copy;
    /** The installed espeak-ng's binary, library and voice data. */
    static List<Path> installed;
    static List<Path> copied;

    @BeforeAll
    static void aCopyOfEspeakNg() throws Exception {
        List<Path> artifacts = VoiceEngines.named("espeak-ng").orElseThrow().artifacts();
        Path installedLib = artifacts.stream().filter(p -> p.getFileName().toString().startsWith("libespeak-ng.so"))
                .findFirst().orElseThrow();
        Path installedData = artifacts.stream().filter(Files::isDirectory).findFirst().orElseThrow();
        installed = List.of(artifacts.get(0), installedLib, installedData);
        copy = Files.createTempDirectory("dubgate-espeak-copy-");
        Path bin = Files.copy(installed.get(0), Files.createDirectories(copy.resolve("bin")).resolve("espeak-ng"));
        Path lib = Files.copy(installedLib, Files.createDirectories(copy.resolve("lib")).resolve(installedLib.getFileName()));
        Path data = copyTree(installedData, copy.resolve("lib/espeak-ng-data"));
        copied = List.of(bin.toRealPath(), lib.toRealPath(), data.toRealPath());
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void anInstalledEnginesArtifactCannotBeDetachedFromWhatRuns() throws Exception {
        Path anyFile = Files.writeString(Files.createTempFile("voice-model-", ".bin"), "formant voice data");
        try {
            HttpResponse<String> detached = register(anyFile.toString());
            assertEquals(400, detached.statusCode(), detached.body());
            JsonObject error = Api.json(detached).getJsonArray("errors").getJsonObject(0);
            assertEquals("artifactLocation", error.getString("field"));
            assertTrue(error.getString("message").contains(anyFile + " is not a file espeak-ng executes or reads"),
                    error.toString());
        } finally {
            Files.delete(anyFile);
        }

        HttpResponse<String> binaryOnly = register(installed.get(0).toString());
        assertEquals(400, binaryOnly.statusCode(), binaryOnly.body());
        String why = Api.json(binaryOnly).getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(why.contains("loads " + installed.get(1) + ", which is not named"), why);
        assertTrue(why.contains("reads its voice data at " + installed.get(2) + ", which is not named"), why);

        HttpResponse<String> ofTheCopy = register(location(copied));
        assertEquals(201, ofTheCopy.statusCode(), ofTheCopy.body());
        assertEquals(location(copied), Api.json(ofTheCopy).getString("artifactLocation"));

        JsonObject ofTheInstalled = Fixtures.registerModel("espeak-ng");
        assertEquals(location(installed), ofTheInstalled.getString("artifactLocation"));
        assertNotEquals(Api.json(ofTheCopy).getString("artifactSha256"), ofTheInstalled.getString("artifactSha256"),
                "the copy's paths are part of its artifact hash");
    }

    @Test
    void aChangedArtifactFileStopsTheTaskAtTheNextLine() throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "ART-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Artifact\"}").statusCode());
        String performer = Fixtures.performer(agent, "Voice " + title);
        assertEquals(201, Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "es").statusCode());
        HttpResponse<String> registered = register(location(copied));
        assertEquals(201, registered.statusCode(), registered.body());
        String model = Api.json(registered).getString("id");
        assertEquals(200, Api.admin().post("/api/v1/models/" + model + "/approval", "{}").statusCode());
        String voice = Fixtures.voice(manager, title + " es", model, performer);
        JsonObject media = Api.json(manager.upload("bed.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 20, 330, 400)));
        assertEquals("READY", manager.awaitMediaDecided(media.getString("id")).getString("state"));
        String jobId = submit(manager, title, media.getString("id"), voice);
        String outputs = "/api/v1/jobs/" + jobId + "/outputs";

        // some lines made; then, the moment the worker has just recorded a group, a file of the copy changes
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> manager.all(outputs).size() >= 6);
        int seen = manager.all(outputs).size();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int before;
        while ((before = manager.all(outputs).size()) == seen && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertTrue(before < CUES - 10, "the job is still well inside its batch: " + before);
        Path changed = copy.resolve("lib/espeak-ng-data/af_dict"); // not read for Spanish: the engine keeps working
        Files.writeString(changed, "\n", StandardOpenOption.APPEND);

        JsonObject job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Api.json(manager.get("/api/v1/jobs/" + jobId)),
                        j -> !List.of("QUEUED", "RUNNING").contains(j.getString("state")));
        assertEquals("BLOCKED", job.getString("state"), job.toString());
        JsonObject task = Dubbing.tasks(job).get(0);
        assertEquals("BLOCKED", task.getString("state"), task.toString());
        assertTrue(task.getString("lastError").startsWith("MODEL_ARTIFACT_CHANGED: "), task.toString());
        assertTrue(task.getString("lastError").contains(changed.toRealPath().toString()), "names the file: " + task);
        assertTrue(job.getString("reason").contains("MODEL_ARTIFACT_CHANGED"), job.getString("reason"));

        List<JsonObject> made = manager.all(outputs);
        int madeAfter = made.size() - before;
        System.out.printf("ModelArtifactIT: %d lines recorded when %s changed, %d in all of %d: %d recorded after%n",
                before, changed.getFileName(), made.size(), CUES, madeAfter);
        // lines are recorded a group at a time (up to 8, or 250 ms): those made before the change but not yet
        // recorded when the test looked are kept too, so up to a group and the line in flight — never the
        // rest of the batch (34 or more lines here). Seen: 1; a busy machine sees a few more.
        assertTrue(madeAfter <= 9, "the lines made before the change and the one in flight, not the rest of the "
                + "batch: " + madeAfter + " of " + (CUES - before));
        assertTrue(made.stream().allMatch(o -> o.getBoolean("quarantined")), "what the blocked task made is quarantined");
    }

    private static HttpResponse<String> register(String location) {
        return Api.admin().post("/api/v1/models", Json.createObjectBuilder().add("name", "espeak-ng (copy)")
                .add("kind", "VOICE").add("engine", "espeak-ng").add("artifactLocation", location)
                .add("licence", "GPL-3.0").add("trainingData", "rule-based formant synthesis, no recordings")
                .add("trainingDataLicensed", true).add("storesInputs", false).add("trainsOnInputs", false)
                .add("executionSite", "ON_PREMISES").build().toString());
    }

    private static String submit(Api manager, String title, String mediaId, String voice) {
        String body = Json.createObjectBuilder().add("title", title).add("sourceMediaId", mediaId)
                .add("territory", "ES").add("purpose", "TEMP").add("targets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("language", "es")
                                .add("script", Json.createObjectBuilder().add("format", "WEBVTT")
                                        .add("text", Dubbing.script(CUES, 300, 280, LINE)))
                                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("character", "NARRATOR").add("approach", "SYNTHETIC").add("voiceId", voice)))))
                .build().toString();
        HttpResponse<String> r = manager.post("/api/v1/jobs", body);
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    private static String location(List<Path> paths) {
        return String.join(":", paths.stream().map(Path::toString).toList());
    }

    /** A copy of the engine's data folder that the test owns (commons-io keeps the tree as it is). */
    private static Path copyTree(Path from, Path to) throws IOException {
        org.apache.commons.io.FileUtils.copyDirectory(from.toFile(), to.toFile());
        return to;
    }
}
