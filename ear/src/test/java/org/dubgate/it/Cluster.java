package org.dubgate.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * dubgate on several machines, on loopback: an Artemis broker ({@code bin/broker}), an S3 server
 * (s3proxy, its own JVM), and dubgate nodes ({@code bin/node}) sharing this run's PostgreSQL, each
 * node on its own port offset and folder. The processes are started the way an operator starts them
 * (the project's scripts), and killed the hard way ({@code SIGKILL}, nothing flushed). {@link #close}
 * kills whatever is left.
 */
public final class Cluster implements AutoCloseable {

    static final String BROKER_PASSWORD = "cluster-broker-secret";
    static final String S3_KEY = "dubgate-cluster";
    static final String S3_SECRET = "dubgate-cluster-secret";

    private static final Path ROOT = Path.of(System.getProperty("dubgate.it.root"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path dir;
    private final int brokerPort;
    private final int s3Port;
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final List<Process> started = new ArrayList<>();
    private Process broker;

    public Cluster(Path dir, int brokerPort, int s3Port) throws IOException {
        this.dir = dir;
        this.brokerPort = brokerPort;
        this.s3Port = s3Port;
        Files.createDirectories(dir);
    }

    /** {@code bin/broker create} (again: the data survives) and {@code run}; returns once it accepts connections. */
    public void startBroker() throws IOException, InterruptedException {
        Path instance = dir.resolve("broker");
        Process create = script("broker-create.log", Map.of(), "bin/broker", "create", instance.toString());
        if (create.waitFor() != 0) {
            throw new IllegalStateException("bin/broker create failed: " + Files.readString(dir.resolve("broker-create.log")));
        }
        broker = script("broker.log", Map.of(), "bin/broker", "run", instance.toString());
        awaitPort(brokerPort, Duration.ofSeconds(60), "the broker");
    }

    /** SIGKILL to the broker's JVM (and its launcher). */
    void killBroker() {
        kill(broker.toHandle());
    }

    /** s3proxy on a filesystem folder of this run, as an S3 endpoint with path-style buckets. */
    public void startObjectStore() throws IOException {
        Path conf = dir.resolve("s3proxy.conf");
        Files.createDirectories(dir.resolve("objects"));
        Files.writeString(conf, String.join("\n",
                "s3proxy.endpoint=" + s3Endpoint(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + S3_KEY,
                "s3proxy.credential=" + S3_SECRET,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dir.resolve("objects")) + "\n");
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-jar", System.getProperty("dubgate.it.s3proxy"),
                "--properties", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("s3proxy.log").toFile());
        started.add(pb.start());
        awaitPort(s3Port, Duration.ofSeconds(60), "s3proxy");
    }

    String s3Endpoint() {
        return "http://127.0.0.1:" + s3Port;
    }

    /**
     * Starts node {@code name} with {@code bin/node} on port offset {@code offset} (HTTP on 8080 + offset)
     * with one worker, and waits until its application is deployed and answers.
     */
    public void startNode(String name, int offset) throws IOException {
        launchNode(name, offset);
        awaitNode(name);
    }

    /**
     * Starts several nodes at once and waits for all of them: their boots overlap (a node spends much of
     * its start reading the EAR and waiting on the database and broker), which saves a start's worth of time.
     */
    public void startNodes(Map<String, Integer> offsetsByName) throws IOException {
        for (var node : offsetsByName.entrySet()) {
            launchNode(node.getKey(), node.getValue());
        }
        for (String name : offsetsByName.keySet()) {
            awaitNode(name);
        }
    }

    private void launchNode(String name, int offset) throws IOException {
        offsets.put(name, offset);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DUBGATE_HOME", dir.resolve(name).toString());
        env.put("DUBGATE_NODE_NAME", name);
        env.put("DUBGATE_PORT_OFFSET", Integer.toString(offset));
        env.put("DUBGATE_WORKERS", "1");
        env.put("DUBGATE_HEAP", "768m");
        env.put("DUBGATE_DB_URL", System.getProperty("dubgate.db.url"));
        env.put("DUBGATE_DB_USER", System.getProperty("dubgate.db.user"));
        env.put("DUBGATE_DB_PASSWORD", System.getProperty("dubgate.db.password"));
        env.put("DUBGATE_BROKER_PORT", Integer.toString(brokerPort));
        env.put("DUBGATE_S3_ENDPOINT", s3Endpoint());
        env.put("DUBGATE_S3_BUCKET", "dubgate-cluster");
        env.put("DUBGATE_S3_ACCESS_KEY", S3_KEY);
        env.put("DUBGATE_S3_SECRET_KEY", S3_SECRET);
        env.put("DUBGATE_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        env.put("DUBGATE_EAR", System.getProperty("dubgate.it.ear"));
        env.put("DUBGATE_WILDFLY_HOME", System.getProperty("it.wildfly.home"));
        // a killed node's task is found again within seconds, not the 30 s of a studio's default
        env.put("DUBGATE_NODE_OPTS", "-Ddubgate.tasks.lease-seconds=6 -Ddubgate.upload.max-bytes="
                + System.getProperty("dubgate.it.upload-limit"));
        script(name + ".log", env, "bin/node");
    }

    /** Waits until the node's application is deployed and answers; a failed deployment fails at once. */
    private void awaitNode(String name) {
        Path deployments = dir.resolve(name).resolve("server/deployments");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (Files.exists(deployments.resolve("dubgate.ear.failed"))) {
                throw new IllegalStateException("the EAR failed to deploy on " + name + ": "
                        + Files.readString(deployments.resolve("dubgate.ear.failed")));
            }
            return Files.exists(deployments.resolve("dubgate.ear.deployed")) && answers(url(name) + "/openapi");
        });
    }

    /** The node's base URL. */
    String url(String node) {
        return "http://127.0.0.1:" + (8080 + offsets.get(node));
    }

    /**
     * Stops or starts again the delivery of tasks to the node's workers (WorkItemWorker, through the
     * management CLI on the node's own controller, authenticated as a local user): stopped, the node runs
     * on — answering HTTP, streaming progress, warm — but takes no task, so a benchmark can measure one
     * node and two by turns on the same warm cluster.
     */
    public void taskDelivery(String name, boolean on) throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("it.wildfly.home"), "bin", "jboss-cli.sh");
        String op = "/deployment=dubgate.ear/subdeployment=dubgate-ejb.jar/subsystem=ejb3/message-driven-bean=WorkItemWorker:"
                + (on ? "start-delivery" : "stop-delivery");
        Path log = dir.resolve(name + "-cli.log");
        Process p = new ProcessBuilder(cli.toString(), "--connect", "--controller=127.0.0.1:" + (9990 + offsets.get(name)),
                "--command=" + op).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0
                || !Files.readString(log).contains("\"outcome\" => \"success\"")) {
            p.destroyForcibly();
            throw new IllegalStateException(op + " on " + name + " failed: " + Files.readString(log));
        }
    }

    /** SIGKILL to the node's JVM: no shutdown hook runs, its leases and its broker session are simply gone. */
    void killNode(String name) {
        String marker = "-Djboss.server.base.dir=" + dir.resolve(name).resolve("server");
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(marker) && c.contains("jboss-modules")).orElse(false)).forEach(Cluster::kill);
    }

    @Override
    public void close() {
        offsets.keySet().forEach(this::killNode);
        started.forEach(p -> kill(p.toHandle()));
    }

    private Process script(String log, Map<String, String> env, String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        pb.command().set(0, ROOT.resolve(command[0]).toString());
        pb.environment().putAll(env);
        pb.environment().put("DUBGATE_BROKER_PASSWORD", BROKER_PASSWORD);
        pb.environment().put("DUBGATE_BROKER_PORT", Integer.toString(brokerPort));
        pb.environment().put("DUBGATE_BROKER_HEAP", "256m");
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private static void kill(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(ProcStat::awaitExit);
    }

    private static boolean answers(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitPort(int port, Duration atMost, String what) {
        await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The log a process of the cluster wrote, for a failure message. */
    public Optional<String> log(String name) {
        try {
            return Optional.of(Files.readString(dir.resolve(name + ".log")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
