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
