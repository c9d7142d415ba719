package org.dubgate.it.bench;

import org.dubgate.it.Api;
import org.dubgate.it.Dubbing;
import org.dubgate.it.TaskQueue;
import org.dubgate.it.MediaChecks;
import org.dubgate.it.ServerProcess;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What watching jobs costs: 10 jobs of 300 cues x 2 languages submitted at once, first with nobody
 * watching, then each followed by 3 server-sent-event clients while a bounded loop reads
 * {@code GET /jobs/{id}} at concurrency 8. Reports the reads' p50/p95/p99, the wall time with
 * observers against without (ratio), and the server's CPU while 30 SSE clients wait on an idle server
 * (the task queue paused, so nothing moves) against none waiting. Writes
 * {@code target/benchmarks/status.txt}; run by {@code bench/status.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class StatusBenchmark {

    private static final int JOBS = Integer.getInteger("dubgate.bench.jobs", 10);
    private static final int CUES = Integer.getInteger("dubgate.bench.cues", 300);
    private static final int READERS = 8;
    /** Each reader reads a job's state this often, as a progress view would; unpaced, 8 readers saturate 2 cores. */
    private static final long READ_EVERY_MILLIS = 100;
    private static final HttpClient HTTP = HttpClient.newHttpClient();


    /** How many of the watched round's SSE clients heard their job to its end event. */
    private String streamsHeard = "none";

    @Test
    void tenJobsWatchedAndNot() throws Exception {
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Files.createDirectories(out);
        StringBuilder report = new StringBuilder("job status benchmark, " + Instant.now() + ": " + JOBS + " jobs of "
                + CUES + " cues x 2 languages at once, " + System.getProperty("dubgate.bench.workers", "4")
                + " workers\n");
        Dubbing d = new Dubbing("es", "en");
        String source = d.upload("bed.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 70, 220, 300)).getString("id");
        Map<String, String> scripts = Map.of("es", Dubbing.script(CUES, 200, 180, "Frase #."),
                "en", Dubbing.script(CUES, 200, 180, "Line #."));
        // warm-up: one job, so neither measured round pays the first job's JIT
        d.awaitSettled(d.submit(source, scripts, null), Duration.ofMinutes(5));

        double quiet = round(d, source, scripts, false, null);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        double watched = round(d, source, scripts, true, latencies);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        report.append(String.format(Locale.ROOT, "GET /jobs/{id} while the jobs run, %d readers each reading every "
                        + "%d ms: %d reads, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (target p99 < 25 ms)%n", READERS,
                READ_EVERY_MILLIS, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99)));
        report.append(String.format(Locale.ROOT, "wall time: %.1f s unwatched, %.1f s with 3 SSE clients per job and "
                + "the reads; ratio %.3f (target <= 1.05); SSE clients that heard their job to the end: %s%n", quiet,
                watched, watched / quiet, streamsHeard));
        Files.writeString(out.resolve("status.txt"), report);

        // idle: nothing moves (the task queue paused); CPU of the server process with 0 and 30 clients waiting
        TaskQueue.pause();
        try {
            List<String> idle = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                idle.add(d.submit(source, Map.of("es", Dubbing.script(2, 1000, 800, "Uno.")), null));
            }
            double none = cpuSeconds(Duration.ofSeconds(20));
            List<InputStream> clients = new ArrayList<>();
            for (String jobId : idle) {
                for (int c = 0; c < 3; c++) {
                    clients.add(sse(d, jobId));
                }
            }
            Thread.sleep(2000);
            double thirty = cpuSeconds(Duration.ofSeconds(20));
            for (InputStream c : clients) {
                c.close();
            }
            report.append(String.format(Locale.ROOT, "idle server, CPU over 20 s: %.2f s with no client, %.2f s with "
                    + "30 SSE clients waiting (target: near zero)%n", none, thirty));
            // what one read costs the server, on its own: CPU per GET /jobs/{id}, sequential reads
            ServerProcess server = ServerProcess.current();
            double before = server.cpuSeconds();
            int reads = 2000;
            long began = System.nanoTime();
            for (int i = 0; i < reads; i++) {
                assertEquals(200, d.manager.get("/api/v1/jobs/" + idle.get(i % idle.size())).statusCode());
            }
            double wall = (System.nanoTime() - began) / 1e9;
            report.append(String.format(Locale.ROOT, "one GET /jobs/{id} on an idle server: %.2f ms server CPU, %.2f ms "
                    + "round trip (%d sequential reads)%n", (server.cpuSeconds() - before) * 1000.0 / reads,
                    wall * 1000 / reads, reads));
        } finally {
            TaskQueue.resume();
        }
        Files.writeString(out.resolve("status.txt"), report);
        System.out.println(report);
        assertEquals(JOBS * 3 + " of " + JOBS * 3, streamsHeard, "every SSE client heard its job to the end");
    }

    /** Submits the jobs at once and waits for all of them; returns the wall time in seconds. */
    private double round(Dubbing d, String source, Map<String, String> scripts, boolean watched, List<Long> latencies)
            throws Exception {
        long began = System.nanoTime();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(d.submit(source, scripts, null));
        }
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean done = new AtomicBoolean();
        List<Future<Boolean>> watchers = new ArrayList<>();
        if (watched) {
            for (String jobId : jobs) {
                for (int c = 0; c < 3; c++) {
                    watchers.add(pool.submit(() -> {
                        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                        String heard = "";
                        try (InputStream in = sse(d, jobId)) {
                            try {
                                in.transferTo(got);
                            } finally {
                                heard = got.toString(java.nio.charset.StandardCharsets.UTF_8);
                            }
                            if (heard.contains("event: end") || heard.contains("event:end")) {
                                return true;
                            }
                            System.out.println("SSE client of " + jobId + " heard no end: ..."
                                    + heard.substring(Math.max(0, heard.length() - 300)).replace('\n', '|'));
                        } catch (java.io.IOException cut) {
                            StringBuilder why = new StringBuilder(cut.toString());
                            for (Throwable t = cut.getCause(); t != null; t = t.getCause()) {
                                why.append(" <- ").append(t);
                            }
                            System.out.println("SSE client of " + jobId + " cut at " + Instant.now() + ": " + why
                                    + " after: ..." + heard.substring(Math.max(0, heard.length() - 200)).replace('\n', '|'));
                        }
                        return false;
                    }));
                }
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos(); // bounded in time and count
            for (int r = 0; r < READERS; r++) {
                int offset = r;
                pool.submit(() -> {
                    int i = offset;
                    while (!done.get() && System.nanoTime() < deadline && latencies.size() < 2_000_000) {
                        long t = System.nanoTime();
                        HttpResponse<String> resp = d.manager.get("/api/v1/jobs/" + jobs.get(i++ % jobs.size()));
                        long took = System.nanoTime() - t;
                        latencies.add(took);
                        assertEquals(200, resp.statusCode());
                        Thread.sleep(Math.max(0, READ_EVERY_MILLIS - took / 1_000_000));
                    }
                    return null;
                });
            }
        }
        for (String jobId : jobs) {
            assertEquals("IN_REVIEW", d.awaitSettled(jobId, Duration.ofMinutes(20)).getString("state"));
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        done.set(true);
        int heardToTheEnd = 0;
        for (Future<Boolean> w : watchers) {
            heardToTheEnd += w.get() ? 1 : 0;
        }
        pool.shutdown();
        if (watched) {
            streamsHeard = heardToTheEnd + " of " + watchers.size();
        }
        return seconds;
    }

    private static InputStream sse(Dubbing d, String jobId) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/jobs/" + jobId
                        + "/events")).header("Authorization", d.manager.authorizationHeader())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        return r.body();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    /** CPU time (user + system) the server process spends during {@code d}. */
    private static double cpuSeconds(Duration d) throws Exception {
        ServerProcess server = ServerProcess.current();
        double before = server.cpuSeconds();
        Thread.sleep(d.toMillis());
        return server.cpuSeconds() - before;
    }
}
