package org.dubgate.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a studio day does to the server's memory, shortened: small jobs one after another, each
 * submitted, followed over its event stream to the end and its deliverables downloaded, for a set
 * time. The heap after a full collection, the resident size and the live-class histogram are taken
 * after a warm-up and again at the end, so what grew can be named.
 */
public final class MemorySoak {

    /** What a soak saw. */
    public record Result(int jobs, Duration took, List<Double> heapMegabytes, double rssBefore, double rssAfter,
                         List<String> grewMost) {

        public double heapGrowthMegabytes() {
            return heapMegabytes.get(heapMegabytes.size() - 1) - heapMegabytes.get(0);
        }

        public String report() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d jobs in %.0f s (submit, follow the "
                            + "event stream to the end, download every deliverable); heap after full GC, one sample a "
                            + "minute: %s MB; growth %.1f MB; RSS %.0f -> %.0f MB%n", jobs, took.toMillis() / 1000.0,
                    heapMegabytes.stream().map(h -> String.format(Locale.ROOT, "%.1f", h)).toList(),
                    heapGrowthMegabytes(), rssBefore, rssAfter));
            s.append("live bytes that grew most (bytes, instances, class):\n");
            grewMost.forEach(l -> s.append("  ").append(l).append('\n'));
            return s.toString();
        }
    }

    private final Dubbing d = new Dubbing("es");
    private final String source = d.upload("soak.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 4, 220, 300))
            .getString("id");
    private final Map<String, String> script = Map.of("es", Dubbing.script(3, 1000, 900, "Frase #."));

    /** Runs {@code warmUpJobs} jobs, then jobs for {@code soak}, sampling the after-GC heap each minute. */
    public Result run(int warmUpJobs, Duration soak) throws Exception {
        for (int i = 0; i < warmUpJobs; i++) {
            oneJob();
        }
        ServerProcess server = ServerProcess.current();
        List<Double> heap = new ArrayList<>();
        heap.add(server.heapAfterFullGcMegabytes());
        String before = server.classHistogram();
        double rssBefore = server.rssMegabytes();
        long began = System.nanoTime();
        long nextSample = began + Duration.ofMinutes(1).toNanos();
        long end = began + soak.toNanos();
        int jobs = 0;
        while (System.nanoTime() < end) {
            oneJob();
            jobs++;
            if (System.nanoTime() >= nextSample && System.nanoTime() < end) {
                heap.add(server.heapAfterFullGcMegabytes());
                nextSample += Duration.ofMinutes(1).toNanos();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        heap.add(server.heapAfterFullGcMegabytes());
        String after = server.classHistogram();
        return new Result(jobs, took, heap, rssBefore, server.rssMegabytes(), ServerProcess.grewMost(before, after, 15));
    }

    private void oneJob() throws Exception {
        String jobId = d.submit(source, script, null);
        List<ProgressStream.Event> heard = ProgressStream.read(d.manager, jobId, null, Duration.ofMinutes(2));
        assertTrue(ProgressStream.ended(heard), "the stream ends with the job: " + heard);
        JsonObject job = d.job(jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        List<JsonObject> deliverables = d.manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        assertTrue(deliverables.size() >= 3, deliverables.toString());
        for (JsonObject deliverable : deliverables) {
            HttpResponse<byte[]> content = d.manager.getBytes("/api/v1/jobs/" + jobId + "/deliverables/"
                    + deliverable.getString("id") + "/content", null);
            assertEquals(200, content.statusCode());
            assertTrue(content.body().length > 0);
        }
    }
}
