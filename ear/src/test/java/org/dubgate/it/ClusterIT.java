package org.dubgate.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two dubgate nodes on one Artemis broker, one PostgreSQL database and one S3 object store, as the
 * README's "Running on several machines" sets them up (the project's own scripts start them). A job's
 * tasks run on both nodes and either node streams its progress; a file uploaded through one node is
 * served, ranged, by the other; {@code kill -9} of a node and a restart of the broker in the middle of
 * a job lose no line and make none twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String A = "node-a";
    private static final String B = "node-b";
    private static final int CUES = 100;

    private static Cluster cluster;
    private static Dubbing dubbing;
    private static String source;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new Cluster(Path.of(System.getProperty("dubgate.it.cluster-dir")), 61716, 18380);
        cluster.startBroker();
        cluster.startObjectStore();
        // Api.BASE: the tests' own calls go to node A unless they say otherwise
        cluster.startNodes(new java.util.LinkedHashMap<>(Map.of(A, 200, B, 300)));
        dubbing = new Dubbing("es", "en");
        // 30 s of silence: 100 cues, a line every 200 ms (2 SYNTHESIZE batches a language)
        source = dubbing.upload("silence.flac", "audio/flac",
                Files.readAllBytes(Dubbing.silentFlac(tmp.resolve("s.flac"), 30))).getString("id");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aFileUploadedThroughOneNodeIsServedByTheOtherByteForByteAndRanged() throws Exception {
        byte[] clip = Files.readAllBytes(Testdata.dir().resolve("grid/bbaf2n.mpg"));
        JsonObject media = dubbing.upload("bbaf2n.mpg", "video/mpeg", clip);
        Api other = dubbing.manager.at(cluster.url(B));
        HttpResponse<byte[]> whole = other.getBytes("/api/v1/media/" + media.getString("id") + "/content", null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(clip, whole.body(), "node B serves the bytes node A stored");
        HttpResponse<byte[]> part = other.getBytes("/api/v1/media/" + media.getString("id") + "/content",
                "bytes=1000-10999");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-10999/" + clip.length, part.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(clip, 1000, 11000), part.body());
    }

    @Test
    @Order(2)
    void oneJobRunsOnBothNodesAndTheOtherNodeStreamsItsProgress() throws Exception {
        String jobId = submit();
        // node B's stream, opened while the job runs: it must carry the work node A does
        CompletableFuture<List<ProgressStream.Event>> streamOnB = CompletableFuture.supplyAsync(() -> events(B, jobId));
        JsonObject job = dubbing.awaitSettled(jobId, Duration.ofSeconds(300));
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        Set<String> nodes = Dubbing.tasks(job).stream().map(t -> t.getString("worker").split("/")[0])
                .collect(Collectors.toSet());
        assertEquals(Set.of(A, B), nodes, "the tasks ran on both nodes: " + Dubbing.tasks(job));
        List<ProgressStream.Event> events = streamOnB.get();
        Set<String> ranOnA = Dubbing.tasks(job).stream().filter(t -> t.getString("worker").startsWith(A + "/"))
                .map(t -> t.getString("id")).collect(Collectors.toSet());
        Set<String> endedOnB = events.stream().filter(e -> !e.isEnd()).map(ProgressStream.Event::json)
                .filter(e -> e.getString("type").equals("TASK_ENDED"))
                .map(e -> e.getJsonObject("task").getString("id")).collect(Collectors.toSet());
        assertTrue(endedOnB.stream().anyMatch(ranOnA::contains),
                "node B streamed the end of a task node A ran: A ran " + ranOnA + ", B streamed " + events);
        assertTrue(ProgressStream.ended(events), "the stream ends with the job's last word: " + events);
        assertEquals("IN_REVIEW", events.get(events.size() - 1).data());
        assertEveryLineOnce(jobId);
    }

    @Test
    @Order(3)
    void aNodeKilledInTheMiddleOfAJobLeavesItsWorkToTheOther() throws Exception {
        String jobId = submit();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> dubbing.job(jobId),
                j -> Dubbing.tasks(j).stream().anyMatch(t -> t.getString("state").equals("RUNNING")
                        && t.getString("kind").equals("SYNTHESIZE") && t.getString("worker").startsWith(A + "/")));
        cluster.killNode(A);

        Api onB = dubbing.manager.at(cluster.url(B));
        JsonObject job = await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250))
                .until(() -> Api.json(onB.get("/api/v1/jobs/" + jobId)),
                        j -> !List.of("QUEUED", "RUNNING").contains(j.getString("state")));
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        List<JsonObject> tasks = Dubbing.tasks(job);
        tasks.forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));
        assertTrue(tasks.stream().anyMatch(t -> t.getInt("attempts") >= 2 && t.getString("worker").startsWith(B + "/")),
                "the killed node's task was run again on node B: " + tasks);
        assertEveryLineOnce(jobId, onB);

        cluster.startNode(A, 200);
    }

    @Test
    @Order(4)
    void aBrokerRestartedInTheMiddleOfAJobLosesNothingAndDoublesNothing() throws Exception {
        String jobId = submit();
        dubbing.awaitRunning(jobId, "SYNTHESIZE", Duration.ofSeconds(120));
        cluster.killBroker();
        Thread.sleep(2000);
        cluster.startBroker();

        JsonObject job = dubbing.awaitSettled(jobId, Duration.ofSeconds(300));
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        Dubbing.tasks(job).forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));
        assertEveryLineOnce(jobId);
    }

    private static String submit() {
        return dubbing.submit(source, Map.of("es", Dubbing.script(CUES, 200, 180, "Frase #."),
                "en", Dubbing.script(CUES, 200, 180, "Line #.")), null);
    }

    private static void assertEveryLineOnce(String jobId) {
        assertEveryLineOnce(jobId, dubbing.manager);
    }

    private static void assertEveryLineOnce(String jobId, Api api) {
        List<JsonObject> outputs = api.all("/api/v1/jobs/" + jobId + "/outputs");
        assertEquals(2 * CUES, outputs.size(), "no line lost, none made twice");
        Map<String, Long> perCue = outputs.stream().collect(Collectors.groupingBy(o -> o.getString("cueId"),
                Collectors.counting()));
        assertEquals(CUES, perCue.size());
        perCue.forEach((cue, n) -> assertEquals(2, n, cue + ": once per language"));
        Map<String, Long> files = api.all("/api/v1/jobs/" + jobId + "/deliverables").stream()
                .collect(Collectors.groupingBy(x -> x.getString("kind"), Collectors.counting()));
        assertEquals(Map.of("DIALOGUE_STEM", 2L, "FULL_MIX", 2L, "PROGRAMME", 1L), files);
    }

    /**
     * The job's progress stream on {@code node}, from now until the server closes it after the job's last word.
     * Events that happen after it opens reach it only through the job-events topic.
     */
    private static List<ProgressStream.Event> events(String node, String jobId) {
        return ProgressStream.read(dubbing.manager.at(cluster.url(node)), jobId, null, Duration.ofSeconds(300));
    }
}
