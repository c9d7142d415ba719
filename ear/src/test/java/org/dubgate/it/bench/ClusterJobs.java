package org.dubgate.it.bench;

import jakarta.json.JsonObject;
import org.dubgate.it.Dubbing;
import org.dubgate.it.ProgressStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The jobs {@link NodesBenchmark} times on a cluster: submitted at once through node-1 (what {@code Api.BASE}
 * names), followed there through their progress streams, and checked once they settled — in review, every task
 * succeeded, every line made exactly once — so a figure never comes from a job that lost or doubled work.
 */
final class ClusterJobs {

    static final List<String> BIG_LANGUAGES = List.of("es", "fr", "en");
    static final int BIG_CUES = 600;
    static final List<String> SMALL_LANGUAGES = List.of("es", "en");
    static final int SMALL_CUES = 20;
    static final int SMALL_JOBS = 10;
    /** One cue every 200 ms, as ClusterIT's: short slots, so the work is the engines', not the source's length. */
    private static final long EVERY_MS = 200;
    private static final long SLOT_MS = 180;
    private static final Map<String, String> TEXT = Map.of("es", "Frase #.", "fr", "Phrase #.", "en", "Line #.");
    private static final Duration AT_MOST = Duration.ofMinutes(30);

    private final Dubbing dubbing;
    private final String longSource;
    private final String shortSource;
    private final Path clusterDir;

    private ClusterJobs(Dubbing dubbing, String longSource, String shortSource, Path clusterDir) {
        this.dubbing = dubbing;
        this.longSource = longSource;
        this.shortSource = shortSource;
        this.clusterDir = clusterDir;
    }

    /** A title, a performer who consented to the three languages and a voice each; the two silent sources, uploaded. */
    static ClusterJobs create(Path clusterDir) throws Exception {
        Path work = clusterDir.resolve("sources");
        Dubbing dubbing = new Dubbing(BIG_LANGUAGES.toArray(String[]::new));
        Files.createDirectories(work);
        String longId = dubbing.upload("silence-long.flac", "audio/flac",
                Files.readAllBytes(Dubbing.silentFlac(work.resolve("long.flac"), sourceSeconds()))).getString("id");
        String shortId = dubbing.upload("silence-short.flac", "audio/flac",
                Files.readAllBytes(Dubbing.silentFlac(work.resolve("short.flac"), 10))).getString("id");
        return new ClusterJobs(dubbing, longId, shortId, clusterDir);
    }

    /** The long source: the big job's cues end at 120 s, and 10 s of tail follow, like a programme's. */
    static int sourceSeconds() {
        return (int) (BIG_CUES * EVERY_MS / 1000) + 10;
    }

    /** The synthesis-bound job: 600 cues in each of the three languages. */
    Run big() throws Exception {
        return submitAtOnce(1, BIG_CUES, BIG_LANGUAGES, longSource);
    }

    /** Ten small jobs submitted at once. */
    Run small() throws Exception {
        return submitAtOnce(SMALL_JOBS, SMALL_CUES, SMALL_LANGUAGES, shortSource);
    }

    /**
     * Submits {@code count} alike jobs from as many threads (a studio's batch arrives together, and the
     * submissions then queue on the server as they would), each thread then following its job's progress
     * stream until the server ends it (pushed over the job-events topic, as a client should follow a job:
     * a poll of {@code GET /jobs/{id}} every half second per job would take CPU the work needs), and checks them.
     */
    private Run submitAtOnce(int count, int cues, List<String> languages, String source) throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        languages.forEach(l -> scripts.put(l, Dubbing.script(cues, EVERY_MS, SLOT_MS, TEXT.get(l))));
        ExecutorService pool = Executors.newFixedThreadPool(count);
        List<String> ids = new ArrayList<>();
        CpuUse.Snapshot cpuBefore = CpuUse.now(clusterDir);
        long t0 = System.nanoTime();
        try {
            List<Future<String>> followed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                followed.add(pool.submit(() -> {
                    String id = dubbing.submit(source, scripts, null);
                    List<ProgressStream.Event> events = ProgressStream.read(dubbing.manager, id, null, AT_MOST);
                    if (!ProgressStream.ended(events)) {
                        fail("job " + id + ": its progress stream closed before the job's last word: " + events);
                    }
                    return id;
                }));
            }
            for (Future<String> f : followed) {
                ids.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        double clientSeconds = (System.nanoTime() - t0) / 1e9;
        CpuUse.Snapshot cpuAfter = CpuUse.now(clusterDir);
        String cpu = CpuUse.between(cpuBefore, cpuAfter);
        List<JsonObject> jobs = ids.stream().map(dubbing::job).toList();
        // checked after the clock stopped: reading 1,800 outputs is not the cluster's work
        JobTimes first = null;
        long recognized = 0;
        for (JsonObject job : jobs) {
            List<JsonObject> outputs = checked(job, cues, languages);
            recognized += outputs.stream().flatMap(o -> o.getJsonArray("checks").getValuesAs(JsonObject.class).stream())
                    .filter(c -> c.getString("check").equals("SCRIPT_CONFORMANCE")).count();
            if (first == null) {
                first = JobTimes.of(job, outputs);
            }
        }
        return new Run(jobs, clientSeconds, first, recognized, cpu, CpuUse.machineBusySeconds(cpuBefore, cpuAfter),
                CpuUse.machineBusyShare(cpuBefore, cpuAfter), CpuUse.nodesJitShare(cpuBefore, cpuAfter));
    }

    /** In review, every task succeeded, and one line per cue and language: none lost, none made twice. */
    private List<JsonObject> checked(JsonObject job, int cues, List<String> languages) {
        String id = job.getString("id");
        assertEquals("IN_REVIEW", job.getString("state"), "job " + id + ": " + job.getString("reason", ""));
        Dubbing.tasks(job).forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), "job " + id + ": " + t));
        List<JsonObject> outputs = dubbing.manager.all("/api/v1/jobs/" + id + "/outputs");
        assertEquals(cues * languages.size(), outputs.size(), "job " + id + ": one line per cue and language");
        Map<String, Long> perCue = outputs.stream().collect(Collectors.groupingBy(o -> o.getString("cueId"),
                Collectors.counting()));
        assertEquals(cues, perCue.size(), "job " + id + ": every cue spoken");
        perCue.forEach((cue, n) -> assertEquals(languages.size(), n.intValue(), "job " + id + ", " + cue
                + ": once per language"));
        return outputs;
    }

    /**
     * One timed batch: the jobs as they settled, the client's wall time (submit to the end of the last
     * progress stream), the first job's time by task kind, how many lines CHECK ran the English
     * recognizer on, the machine's CPU time over the client's wall time by who spent it ({@link CpuUse})
     * and in all, the share of the machine's cores it kept busy, and the share of the nodes' CPU their
     * JIT compilers took.
     */
    record Run(List<JsonObject> jobs, double clientSeconds, JobTimes firstJob, long recognizedLines, String cpu,
               double machineCpuSeconds, double machineBusyShare, double nodesJitShare) {

        /** The first job created to the last one's last change (IN_REVIEW), by the server's clock. */
        double serverSeconds() {
            Instant created = jobs.stream().map(j -> Instant.parse(j.getString("createdAt"))).min(Instant::compareTo)
                    .orElseThrow();
            Instant ended = jobs.stream().map(j -> Instant.parse(j.getString("updatedAt"))).max(Instant::compareTo)
                    .orElseThrow();
            return Duration.between(created, ended).toNanos() / 1e9;
        }

        List<JsonObject> tasks() {
            return jobs.stream().flatMap(j -> Dubbing.tasks(j).stream()).toList();
        }

        /**
         * A task's mean time by kind (its last attempt's start to its end), over every job of the batch:
         * beside another node on these cores each task runs slower than alone, and that is what the
         * ratio loses where the work spreads evenly.
         */
        Map<String, Double> meanTaskSeconds() {
            return tasks().stream().filter(t -> !t.isNull("startedAt")).collect(Collectors.groupingBy(
                    t -> t.getString("kind"), LinkedHashMap::new, Collectors.averagingDouble(t -> Duration.between(
                            Instant.parse(t.getString("startedAt")), Instant.parse(t.getString("updatedAt"))).toNanos() / 1e9)));
        }

        /** Tasks that had to start more than once (a lapsed lease, a redelivery): each costs a re-run. */
        long rerun() {
            return tasks().stream().filter(t -> t.getInt("attempts") > 1).count();
        }

        /** Per node ({@code worker} is "node/boot"), its task count and the count per kind. */
        String perNode() {
            Map<String, Map<String, Long>> byNode = tasks().stream().collect(Collectors.groupingBy(
                    t -> t.getString("worker", "?/").split("/")[0], TreeMap::new,
                    Collectors.groupingBy(t -> t.getString("kind"), LinkedHashMap::new, Collectors.counting())));
            return byNode.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %d (%s)", e.getKey(),
                            e.getValue().values().stream().mapToLong(Long::longValue).sum(),
                            kinds(e.getValue(), n -> Long.toString(n))))
                    .collect(Collectors.joining(", "));
        }

        /** Where the first job's wall time went: each kind's wall covered (union) / busy (sum), and the time no task ran. */
        String timeByKind() {
            Map<String, JobTimes.Kind> kinds = firstJob.kinds();
            return kinds(kinds, k -> String.format(Locale.ROOT, "%.1f / %.1f s", k.covered(), k.busy()))
                    + String.format(Locale.ROOT, "; no task running %.1f s", firstJob.idle());
        }

        private static <V> String kinds(Map<String, V> byKind, Function<V, String> figure) {
            return byKind.entrySet().stream()
                    .sorted((a, b) -> Integer.compare(rank(a.getKey()), rank(b.getKey())))
                    .map(e -> e.getKey() + " " + figure.apply(e.getValue())).collect(Collectors.joining(", "));
        }

        private static int rank(String kind) {
            int i = JobTimes.KINDS.indexOf(kind);
            return i < 0 ? JobTimes.KINDS.size() : i;
        }
    }
}
