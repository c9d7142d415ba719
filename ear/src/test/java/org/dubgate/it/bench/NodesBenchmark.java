package org.dubgate.it.bench;

import org.apache.commons.io.FileUtils;
import org.dubgate.it.Api;
import org.dubgate.it.Cluster;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Growing past one machine": what a second node adds, on one cluster in one run, started the way an
 * operator starts one (org.dubgate.it.Cluster: bin/broker, s3proxy, bin/node on this run's PostgreSQL),
 * each node with one worker. First node-1 alone (node-2 not started), then node-2 beside it; on each, an
 * untimed warm-up (rounds of the big job and the small ones until the nodes' compilers are mostly done), then {@code -Ddubgate.bench.repeats} (1) times (a) one
 * synthesis-bound job of 600 cues x 3 languages and (b) ten small jobs at once; the ratios t(1 node) / t(2 nodes) of the medians, and which
 * node ran how many tasks. Then, with the cluster stopped, (c) {@link RowLocks}: the ledger head's and a job
 * row's lock on the same PostgreSQL with pgbench. Writes {@code target/benchmarks/nodes.txt} and prints it.
 * Run by bench/nodes.sh (profiles benchmark, postgresql, nodes-benchmark), never by the test suite.
 */
class NodesBenchmark {

    private static final String NODE_1 = "node-1";
    private static final String NODE_2 = "node-2";
    /** Clear of bin/cluster's (61716, 18380, offsets 200, 300, ...) and of ClusterIT's, so a dev cluster may stay up. */
    private static final int BROKER_PORT = 61816;
    private static final int S3_PORT = 18480;
    private static final int NODE_2_OFFSET = 900;

    /** One configuration's warm-up rounds (the nodes' JIT share in each, big job / small jobs) and timed batches, in run order. */
    record Configuration(List<String> warmUp, List<ClusterJobs.Run> big, List<ClusterJobs.Run> small) {
    }

    @Test
    void oneNodeAgainstTwo() throws Exception {
        assumeTrue(System.getProperty("dubgate.it.root") != null,
                "bench/nodes.sh runs this benchmark (profile nodes-benchmark gives it the cluster's settings)");
        String dbUrl = System.getProperty("dubgate.db.url", "");
        if (!dbUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("several nodes share a PostgreSQL database: run bench/nodes.sh "
                    + "(bin/with-postgresql, -Pbenchmark,postgresql,nodes-benchmark); dubgate.db.url is " + dbUrl);
        }
        int repeats = Integer.getInteger("dubgate.bench.repeats", 1);
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Path dir = Path.of(System.getProperty("dubgate.bench.cluster-dir", "target/nodes-benchmark")).toAbsolutePath();
        // a fresh broker journal, object store and node folders: nothing of an earlier run is redelivered
        FileUtils.deleteDirectory(dir.toFile());
        String machine = machine();

        Configuration one;
        Configuration two;
        String jobRow;
        try (Cluster cluster = new Cluster(dir, BROKER_PORT, S3_PORT)) {
            cluster.startBroker();
            cluster.startObjectStore();
            // node-1 answers where Api.BASE points (the IT server's port: no Arquillian server runs beside this test)
            start(cluster, dir, NODE_1, URI.create(Api.BASE).getPort() - 8080);
            ClusterJobs jobs = ClusterJobs.create(dir);
            one = measure(jobs, repeats, dir, "1-node");
            start(cluster, dir, NODE_2, NODE_2_OFFSET);
            two = measure(jobs, repeats, dir, "2-nodes");
            jobRow = one.big().get(0).jobs().get(0).getString("id");
        }

        String jobFigures = header(machine, repeats) + NodesReport.jobs("(a) one synthesis-bound job", one, two, true)
                + NodesReport.jobs("(b) ten small jobs submitted at once", one, two, false);
        Files.createDirectories(out);
        // written now as well: the cluster's figures are kept should the PostgreSQL part fail
        Files.writeString(out.resolve("nodes.txt"), jobFigures);

        List<Integer> clients = List.of(1, 2, 4, 8);
        int seconds = Integer.getInteger("dubgate.bench.pgbench-seconds", 5);
        RowLocks.Results locks = RowLocks.of(dbUrl, System.getProperty("dubgate.db.user"),
                        System.getProperty("dubgate.db.password"), dir.resolve("pgbench"))
                .measure(jobRow, clients, seconds, Boolean.parseBoolean(System.getProperty("dubgate.bench.fsync-test", "true")),
                        Path.of(System.getProperty("dubgate.bench.fsync-dir", "/tmp")));

        String report = jobFigures + NodesReport.locks(locks, clients, seconds);
        Files.writeString(out.resolve("nodes.txt"), report);
        System.out.print(report);
    }

    /** Starts a node and waits for its warm-up at deploy, so the first job does not pay for it. */
    private static void start(Cluster cluster, Path dir, String node, int offset) throws IOException, InterruptedException {
        try {
            cluster.startNode(node, offset);
        } catch (RuntimeException e) {
            String log = cluster.log(node).orElse("");
            throw new IllegalStateException(node + " did not come up; the end of its log:\n"
                    + log.substring(Math.max(0, log.length() - 4000)), e);
        }
        if (!BenchedServer.awaitWarmUp(dir.resolve(node).resolve("server"), Duration.ofMinutes(3))) {
            System.out.println("nodes benchmark: no \"warm-up done\" in " + node + "'s log within 3 minutes; going on");
        }
    }

    /**
     * The warm-up (untimed, checked like the others), then the timed batches, big job first each time.
     * A warm-up round is what a timed one is — the big job, then the ten small jobs — and rounds go on
     * until the nodes' compiler threads took under {@code dubgate.bench.warm-jit-share} (5 %) of the
     * nodes' CPU over both, at most {@code dubgate.bench.warm-up-rounds} (4): after a few small jobs
     * only, a node still spent half its CPU of the next minutes compiling (JFR: 51 of node-1's ~110 s,
     * s3proxy 17 of its 18 s), and on two cores the timed batches measured the compilers rather than
     * the work — a server that has run for an hour is past that.
     */
    private static Configuration measure(ClusterJobs jobs, int repeats, Path dir, String configuration) throws Exception {
        double warmEnough = Double.parseDouble(System.getProperty("dubgate.bench.warm-jit-share", "0.05"));
        int atMost = Integer.getInteger("dubgate.bench.warm-up-rounds", 4);
        List<String> warmUp = new ArrayList<>();
        for (int round = 1; round <= atMost; round++) {
            ClusterJobs.Run big = jobs.big();
            ClusterJobs.Run small = jobs.small();
            warmUp.add(String.format(Locale.ROOT, "%.0f / %.0f %%", 100 * big.nodesJitShare(),
                    100 * small.nodesJitShare()));
            System.out.println("nodes benchmark: warm-up round " + round + ", the nodes' JIT share (big job / small jobs) "
                    + warmUp.get(warmUp.size() - 1));
            if (big.nodesJitShare() < warmEnough && small.nodesJitShare() < warmEnough) {
                break;
            }
        }
        List<ClusterJobs.Run> big = new ArrayList<>();
        List<ClusterJobs.Run> small = new ArrayList<>();
        for (int i = 1; i <= repeats; i++) {
            try (FlightRecordings r = FlightRecordings.start(dir, configuration + "-big-" + i)) {
                big.add(jobs.big());
            }
            try (FlightRecordings r = FlightRecordings.start(dir, configuration + "-small-" + i)) {
                small.add(jobs.small());
            }
        }
        return new Configuration(warmUp, big, small);
    }

    private static String header(String machine, int repeats) {
        String recognizer = System.getenv().getOrDefault("DUBGATE_QA_RECOGNIZE_ENGLISH", "unset (the default: true)");
        return String.format(Locale.ROOT, """
                nodes benchmark ("Growing past one machine"), %s
                %s
                cluster on this one machine, through the project's scripts (org.dubgate.it.Cluster): one Artemis broker
                  (bin/broker), s3proxy on a folder, the PostgreSQL of bin/with-postgresql, WildFly nodes (bin/node) with
                  one worker each (DUBGATE_WORKERS=1, heap 768m, lease 6 s); CHECK's English recognizer:
                  DUBGATE_QA_RECOGNIZE_ENGLISH=%s (the nodes inherit this JVM's environment)
                method: node-1 alone (node-2 not started), then node-2 started beside it; on each configuration an
                  untimed warm-up after each node's own at deploy: rounds of (the big job, the ten small jobs) until
                  the nodes' JIT compiler threads took under %.0f %% of the nodes' CPU in both, at most %d rounds;
                  then %d x (the big job, the ten small jobs). Every job is submitted through node-1 and polled there every 500 ms. Time = the
                  first job's createdAt to the last one's IN_REVIEW (updatedAt), the server's clock; the client's
                  (first POST to the poll that saw the last one in review) beside it. Ratio = t(1 node) / t(2 nodes) of
                  the medians: 2.00 is every second node's worth. All of it shares this machine's cores (the broker,
                  s3proxy, PostgreSQL and this JVM included): the figures say whether the work spreads and what the
                  shared services cost, not what two separate machines would give.

                """, Instant.now(), machine, recognizer,
                100 * Double.parseDouble(System.getProperty("dubgate.bench.warm-jit-share", "0.05")),
                Integer.getInteger("dubgate.bench.warm-up-rounds", 4), repeats);
    }

    /** The machine as the figures depend on it: cores, CPU, memory, and the Java the nodes run (the PATH's). */
    private static String machine() throws IOException, InterruptedException {
        String nproc = Commands.runOrFail(List.of("nproc"), Map.of(), Duration.ofSeconds(10)).strip();
        String java = Commands.runOrFail(List.of("java", "-version"), Map.of(), Duration.ofSeconds(30)).strip()
                .replace("\n", "; ");
        String cpu = firstLine(Path.of("/proc/cpuinfo"), "model name");
        String memory = firstLine(Path.of("/proc/meminfo"), "MemTotal");
        return String.format(Locale.ROOT, "machine: nproc %s, %s, %s; java -version: %s", nproc, cpu, memory, java);
    }

    private static String firstLine(Path file, String prefix) throws IOException {
        if (!Files.isReadable(file)) {
            return prefix + " unknown";
        }
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.replaceAll("\\s+", " ").strip()).orElse(prefix + " unknown");
    }
}
