package org.dubgate.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Opt-in, for finding where a batch's CPU went: with {@code -Ddubgate.bench.jfr=true} each node runs Java
 * Flight Recorder ({@code settings=profile}, through {@code jcmd}) over each timed batch, dumped to
 * {@code <cluster dir>/recordings/<batch>-<node>.jfr} for {@code jfr print}. JFR costs CPU of its own
 * (and its first start, compilation), so a run with it measures where time goes, not how much there is.
 */
final class FlightRecordings implements AutoCloseable {

    private static final Duration JCMD = Duration.ofSeconds(60);
    private static final String NAME = "dubgate-bench";

    private final Map<String, Long> nodes;
    private final Path folder;
    private final String batch;

    private FlightRecordings(Map<String, Long> nodes, Path folder, String batch) {
        this.nodes = nodes;
        this.folder = folder;
        this.batch = batch;
    }

    /** Starts a recording on every node now, if asked for; none otherwise. */
    static FlightRecordings start(Path clusterDir, String batch) throws IOException, InterruptedException {
        Map<String, Long> nodes = Boolean.getBoolean("dubgate.bench.jfr") ? CpuUse.nodes(clusterDir) : Map.of();
        for (long pid : nodes.values()) {
            Commands.runOrFail(List.of("jcmd", Long.toString(pid), "JFR.start", "name=" + NAME, "settings=profile"),
                    Map.of(), JCMD);
        }
        return new FlightRecordings(nodes, clusterDir.resolve("recordings"), batch);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (nodes.isEmpty()) {
            return;
        }
        Files.createDirectories(folder);
        for (Map.Entry<String, Long> node : nodes.entrySet()) {
            Path file = folder.resolve(batch + "-" + node.getKey() + ".jfr");
            Commands.runOrFail(List.of("jcmd", Long.toString(node.getValue()), "JFR.stop", "name=" + NAME,
                    "filename=" + file), Map.of(), JCMD);
            System.out.println("nodes benchmark: recorded " + file);
        }
    }
}
