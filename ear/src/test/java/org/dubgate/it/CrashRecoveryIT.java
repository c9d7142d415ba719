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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code kill -9} of the server JVM — not a graceful stop — in the middle of SYNTHESIZE, then of MIX,
 * then of ASSEMBLE of one job: after each restart the job goes on, and in the end it is in review
 * with every line exactly once, one stem and one mix per language, one programme, no task left
 * RUNNING, and nothing of the killed runs left on disk.
 */
@ExtendWith(ArquillianExtension.class)
class CrashRecoveryIT {

    private static final String SERVER = "wildfly-manual";
    private static final String APP = "app";
    private static final Path SERVER_DIR = Path.of(System.getProperty("dubgate.it.server-dir"));
    private static final int CUES = 300;
    private static final int MANAGEMENT_PORT = Integer.getInteger("it.management-port", 10090);

    @ArquillianResource
    ContainerController controller;
    @ArquillianResource
    Deployer deployer;

    @TempDir
    Path tmp;

    @Deployment(name = APP, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    @RunAsClient
    void aJobKilledInEachStageEndsInReviewWithEveryLineExactlyOnce() throws Exception {
        start();
        Dubbing d = new Dubbing("es", "en");
        // 25 minutes of silence: MIX and ASSEMBLE take seconds, long enough to be killed in the middle
        String source = d.upload("long.flac", "audio/flac", Files.readAllBytes(Dubbing.silentFlac(tmp.resolve("s.flac"),
                1500))).getString("id");
        String jobId = d.submit(source, Map.of("es", Dubbing.script(CUES, 200, 180, "Frase #."),
                "en", Dubbing.script(CUES, 200, 180, "Line #.")), null);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> d.manager.all("/api/v1/jobs/" + jobId + "/outputs").size() >= 60);
        killAndRestart();
        d.awaitRunning(jobId, "MIX", Duration.ofSeconds(300));
        Thread.sleep(700); // into the media work
        killAndRestart();
        d.awaitRunning(jobId, "ASSEMBLE", Duration.ofSeconds(300));
        Thread.sleep(400);
        killAndRestart();

        JsonObject job = d.awaitSettled(jobId, Duration.ofSeconds(300));
        try {
            assertEquals("IN_REVIEW", job.getString("state"), job.toString());
            List<JsonObject> tasks = Dubbing.tasks(job);
            tasks.forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));
            assertEquals(Map.of("SYNTHESIZE", 2L * CUES / 50, "MIX", 2L, "CHECK", 2L, "ASSEMBLE", 1L), tasks.stream()
                    .collect(Collectors.groupingBy(t -> t.getString("kind"), Collectors.counting())));
            // the kill lands while one MIX runs (the other language's may start only after the restart)
            assertTrue(tasks.stream().anyMatch(t -> t.getString("kind").equals("MIX") && t.getInt("attempts") >= 2),
                    "a MIX was killed and run again: " + tasks);
            assertTrue(tasks.stream().anyMatch(t -> t.getString("kind").equals("ASSEMBLE") && t.getInt("attempts") >= 2),
                    "the ASSEMBLE was killed and run again: " + tasks);

            List<JsonObject> outputs = d.manager.all("/api/v1/jobs/" + jobId + "/outputs");
            assertEquals(2 * CUES, outputs.size(), "no line lost, none made twice");
            Map<String, Long> perCue = outputs.stream().collect(Collectors.groupingBy(o -> o.getString("cueId"),
                    Collectors.counting()));
            assertEquals(CUES, perCue.size());
            perCue.forEach((cue, n) -> assertEquals(2, n, cue + ": once per language"));
            Map<String, Long> files = d.manager.all("/api/v1/jobs/" + jobId + "/deliverables").stream()
                    .collect(Collectors.groupingBy(x -> x.getString("kind"), Collectors.counting()));
            assertEquals(Map.of("DIALOGUE_STEM", 2L, "FULL_MIX", 2L, "PROGRAMME", 1L), files);
            try (Stream<Path> left = Files.walk(SERVER_DIR.resolve("data/dubgate/work"))) {
                assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "the killed runs' files were swept");
            }
        } finally {
            stop();
        }
    }

    private void start() {
        controller.start(SERVER);
        deployer.deploy(APP);
    }

    private void stop() {
        deployer.undeploy(APP);
        controller.stop(SERVER);
    }

    /** SIGKILL to the server JVM (no shutdown hook runs, nothing is flushed), then a fresh start. */
    private void killAndRestart() {
        String dataDir = "-Djboss.server.data.dir=" + SERVER_DIR.resolve("data");
        java.util.function.Supplier<List<ProcessHandle>> servers = () -> ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir) && c.contains("jboss-modules"))
                        .orElse(false)).toList();
        // an earlier test's server on the same folder may still be finishing its exit (seen in CI): give it
        // time; if it lingers, kill it too — it holds the ports the restart needs
        List<ProcessHandle> found = servers.get();
        for (long until = System.nanoTime() + Duration.ofSeconds(30).toNanos(); found.size() > 1
                && System.nanoTime() < until; found = servers.get()) {
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        assertTrue(!found.isEmpty(), "a server JVM with " + dataDir);
        found.forEach(this::killAndAwaitExit);
        controller.kill(SERVER); // the container only learns that its process is gone
        awaitManagementPortFree();
        start();
    }

    private void killAndAwaitExit(ProcessHandle server) {
        server.destroyForcibly();
        ProcStat.awaitExit(server);
    }

    /**
     * Until nothing accepts on the management port, the next start fails at once ("port 10090 is already
     * in use": CI, twice, after the killed JVM had exited as far as its handle showed). Whatever WildFly
     * still holds the port — found by the socket itself, not by its command line — is killed too; anything
     * else holding it fails the test with its name.
     */
    private void awaitManagementPortFree() {
        ListeningPort management = new ListeningPort(MANAGEMENT_PORT);
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!management.accepts()) {
                    return true;
                }
                management.holders().stream()
                        .filter(h -> h.info().commandLine().map(c -> c.contains("jboss-modules")).orElse(false))
                        .forEach(this::killAndAwaitExit);
                return false;
            });
        } catch (ConditionTimeoutException e) {
            fail("the management port " + MANAGEMENT_PORT + " is held by: " + management.describeHolders(), e);
        }
    }

}
