package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Stops and starts the whole server process: media uploaded before stays READY and downloadable,
 * because the database is an H2 file (or PostgreSQL) and storage a folder in the data directory.
 */
@ExtendWith(ArquillianExtension.class)
class RestartIT {

    private static final String SERVER = "wildfly-manual";
    private static final String APP = "app";

    @ArquillianResource
    ContainerController controller;
    @ArquillianResource
    Deployer deployer;

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    /**
     * A job stopped mid-synthesis by a server stop: after the restart the queued and unacknowledged
     * messages are delivered again, running tasks resume where they stopped, and every line exists
     * exactly once.
     */
    @Test
    @RunAsClient
    void jobCompletesAcrossARestartWithNoLineLostOrMadeTwice() throws Exception {
        int cues = 200;
        controller.start(SERVER);
        deployer.deploy(APP);
        String jobId;
        try {
            Api manager = Api.as("manager");
            Api agent = Api.as("agent");
            String title = "RESTART-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Restart\"}").statusCode());
            String media = Api.json(manager.upload("tone.wav", "audio/wav", MediaChecks.toneWav(16_000, 1, 45, 220, 500))).getString("id");
            assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
            String espeak = Fixtures.approvedModel("espeak-ng");
            String performer = Fixtures.performer(agent, "Restart Voice");
            assertEquals(201, Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "es").statusCode());
            String voice = Api.json(manager.post("/api/v1/voices", "{\"name\":\"restart es\",\"modelId\":\"" + espeak
                    + "\",\"performerId\":\"" + performer + "\"}")).getString("id");
            StringBuilder script = new StringBuilder("WEBVTT\n\n");
            for (int i = 0; i < cues; i++) {
                long start = i * 200L;
                script.append(String.format("%02d:%02d.%03d --> %02d:%02d.%03d%n<v NARRADOR>Frase número %d.%n%n",
                        start / 60000, start / 1000 % 60, start % 1000, (start + 180) / 60000, (start + 180) / 1000 % 60,
                        (start + 180) % 1000, i));
            }
            HttpResponse<String> accepted = manager.post("/api/v1/jobs", jakarta.json.Json.createObjectBuilder()
                    .add("title", title).add("sourceMediaId", media).add("territory", "ES").add("purpose", "TEMP")
                    .add("targets", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                            .add("language", "es").add("script", jakarta.json.Json.createObjectBuilder()
                                    .add("format", "WEBVTT").add("text", script.toString()))
                            .add("characters", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json
                                    .createObjectBuilder().add("character", "NARRADOR").add("approach", "SYNTHETIC")
                                    .add("voiceId", voice))))).build().toString());
            assertEquals(201, accepted.statusCode(), accepted.body());
            jobId = Api.json(accepted).getString("id");
            long deadline = System.currentTimeMillis() + 60_000;
            while (manager.all("/api/v1/jobs/" + jobId + "/outputs").isEmpty()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }

        controller.start(SERVER);
        try {
            deployer.deploy(APP);
            Api manager = Api.as("manager");
            JsonObject job = null;
            long deadline = System.currentTimeMillis() + 180_000;
            while (System.currentTimeMillis() < deadline) {
                job = Api.json(manager.get("/api/v1/jobs/" + jobId));
                if (java.util.List.of("IN_REVIEW", "FAILED", "BLOCKED").contains(job.getString("state"))) {
                    break;
                }
                Thread.sleep(300);
            }
            assertNotNull(job);
            assertEquals("IN_REVIEW", job.getString("state"), job.toString());
            assertEquals(100, job.getInt("progressPercent"), job.toString());
            job.getJsonArray("tasks").getValuesAs(JsonObject.class).forEach(t -> assertEquals("SUCCEEDED", t.getString("state")));
            java.util.List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
            assertEquals(cues, outputs.size(), "no line lost, none made twice");
            assertEquals(cues, outputs.stream().map(o -> o.getString("cueId")).distinct().count());
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }
    }

    @Test
    @RunAsClient
    void mediaSurvivesAServerRestart() throws Exception {
        Path clip = Testdata.gridClips().get(4);
        byte[] original = Files.readAllBytes(clip);

        controller.start(SERVER);
        deployer.deploy(APP);
        String id;
        try {
            Api manager = Api.as("manager");
            id = Api.json(manager.upload(clip, "video/mpeg")).getString("id");
            assertEquals("READY", manager.awaitMediaDecided(id).getString("state"));
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }

        controller.start(SERVER);
        try {
            deployer.deploy(APP);
            Api manager = Api.as("manager");
            HttpResponse<String> after = manager.get("/api/v1/media/" + id);
            assertEquals(200, after.statusCode(), after.body());
            JsonObject media = Api.json(after);
            assertEquals("READY", media.getString("state"));
            assertEquals(3.0, media.getJsonObject("probe").getJsonNumber("durationSeconds").doubleValue(), 0.05);
            HttpResponse<byte[]> content = manager.getBytes("/api/v1/media/" + id + "/content", null);
            assertEquals(200, content.statusCode());
            assertArrayEquals(original, content.body());
        } finally {
            deployer.undeploy(APP);
            controller.stop(SERVER);
        }
    }
}
