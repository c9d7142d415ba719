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
 * each node with one worker. Both nodes start; after an untimed warm-up (rounds of the big job and the
 * small ones until the nodes' compilers are mostly done), {@code -Ddubgate.bench.repeats} (5) pairs of
 * timed batches, one node and two by turns on the same warm cluster (node-2 standing by, its task delivery
 * stopped, for one node): (a) one synthesis-bound job of 600 cues x 3 languages and (b) ten small jobs at
 * once; each pair's ratio t(1 node) / t(2 nodes), their median, and which
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

    /** One configuration's timed batches, in run order. */
    record Configuration(List<ClusterJobs.Run> big, List<ClusterJobs.Run> small) {
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
        // five: on this shared VM single pairs of the same software range 1.4-2.1, and three gave medians 0.1 apart
        int repeats = Integer.getInteger("dubgate.bench.repeats", 5);
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Path dir = Path.of(System.getProperty("dubgate.bench.cluster-dir", "target/nodes-benchmark")).toAbsolutePath();
        // a fresh broker journal, object store and node folders: nothing of an earlier run is redelivered
        FileUtils.deleteDirectory(dir.toFile());
        String machine = machine();

        Configuration one;
        Configuration two;
        List<String> warmUp;
        String jobRow;
        try (Cluster cluster = new Cluster(dir, BROKER_PORT, S3_PORT)) {
            cluster.startBroker();
            cluster.startObjectStore();
            // node-1 answers where Api.BASE points (the IT server's port: no Arquillian server runs beside this test)
            start(cluster, dir, NODE_1, URI.create(Api.BASE).getPort() - 8080);
            start(cluster, dir, NODE_2, NODE_2_OFFSET);
            // at once, not after minutes of warm-up: a node that cannot stand by fails the run here
            cluster.taskDelivery(NODE_2, false);
            cluster.taskDelivery(NODE_2, true);
            ClusterJobs jobs = ClusterJobs.create(dir);
            warmUp = warmUp(jobs);
            one = new Configuration(new ArrayList<>(), new ArrayList<>());
            two = new Configuration(new ArrayList<>(), new ArrayList<>());
            for (int i = 1; i <= repeats; i++) {
                // by turns, 1-2, 2-1, 1-2, ...: a drift in the machine's speed over the minutes falls on both
                for (Configuration c : i % 2 == 1 ? List.of(one, two) : List.of(two, one)) {
                    boolean both = c == two;
                    cluster.taskDelivery(NODE_2, both);
                    batches(jobs, c, dir, (both ? "2-nodes-" : "1-node-") + i);
                }
            }
            jobRow = one.big().get(0).jobs().get(0).getString("id");
        }

        String jobFigures = header(machine, repeats) + NodesReport.warmUp(warmUp)
                + NodesReport.jobs("(a) one synthesis-bound job", one, two, true)
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
     * The untimed warm-up, both nodes at work, checked like the timed batches. A round is what a timed
     * one is — the big job, then the ten small jobs — and rounds go on until the nodes' compiler threads
     * took under {@code dubgate.bench.warm-jit-share} (5 %) of the nodes' CPU over both, at most
     * {@code dubgate.bench.warm-up-rounds} (4): after a few small jobs only, a node still spent half its
     * CPU of the next minutes compiling (JFR: 51 of node-1's ~110 s, s3proxy 17 of its 18 s), and on two
     * cores the timed batches measured the compilers rather than the work — a server that has run for an
     * hour is past that. Returns each round's shares, big job / small jobs.
     */
    private static List<String> warmUp(ClusterJobs jobs) throws Exception {
        double warmEnough = Double.parseDouble(System.getProperty("dubgate.bench.warm-jit-share", "0.05"));
        int atMost = Integer.getInteger("dubgate.bench.warm-up-rounds", 4);
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= atMost; round++) {
            ClusterJobs.Run big = jobs.big();
            ClusterJobs.Run small = jobs.small();
            rounds.add(String.format(Locale.ROOT, "%.0f / %.0f %%", 100 * big.nodesJitShare(),
                    100 * small.nodesJitShare()));
            System.out.println("nodes benchmark: warm-up round " + round + ", the nodes' JIT share (big job / small jobs) "
                    + rounds.get(rounds.size() - 1));
            if (big.nodesJitShare() < warmEnough && small.nodesJitShare() < warmEnough) {
                break;
            }
        }
        return rounds;
    }

    /** One timed pair of batches on the configuration now in place: the big job, then the ten small jobs. */
    private static void batches(ClusterJobs jobs, Configuration into, Path dir, String name) throws Exception {
        try (FlightRecordings r = FlightRecordings.start(dir, name + "-big")) {
            into.big().add(jobs.big());
        }
        try (FlightRecordings r = FlightRecordings.start(dir, name + "-small")) {
            into.small().add(jobs.small());
        }
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
                method: node-1 and node-2 both started; an untimed warm-up after each node's own at deploy, both
                  nodes at work: rounds of (the big job, the ten small jobs) until the nodes' JIT compiler threads
                  took under %.0f %% of the nodes' CPU in both, at most %d rounds. Then %d pairs, by turns (1 node,
                  2 nodes; 2, 1; 1, 2; ...), of (the big job, the ten small jobs): on 1 node node-2 stands by, running
                  but taking no task (its WorkItemWorker's delivery stopped through the management CLI; its CPU is
                  in the 1-node line). Every job is submitted through node-1 and followed there through its progress
                  stream (GET /jobs/{id}/events). Time = the first job's createdAt to the last one's IN_REVIEW
                  (updatedAt), the server's clock; the client's (first POST to the end of the last stream) beside
                  it. Ratio = t(1 node) / t(2 nodes) of each pair, and the median of the pairs' ratios:
                  2.00 is every second node's worth. All of it shares this machine's cores (the broker,
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
