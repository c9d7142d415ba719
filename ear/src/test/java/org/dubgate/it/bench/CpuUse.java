package org.dubgate.it.bench;

import org.dubgate.it.ProcStat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time on this machine by who spent it, read from {@code /proc} the way {@code top} does: each
 * process's user and system time plus its reaped children's (an engine a node ran is the node's),
 * grouped as the cluster's parts — each node, the broker, s3proxy, PostgreSQL (every backend), this
 * benchmark's JVM, and the rest. Between two snapshots it says what share of a batch's CPU the shared
 * services took, which a second node does not divide. Of each Java part it also reads the CPU its JIT
 * compiler threads and its garbage collector's threads spent ({@code /proc/<pid>/task}): on these two
 * cores a JVM still compiling takes CPU the work would otherwise have, so a figure from nodes that are
 * not warm says so.
 */
final class CpuUse {

    private static final String THIS_JVM = "benchmark JVM";
    private static final String JIT = "JIT";
    private static final String GC = "GC";
    private static final List<String> ORDER = List.of("node-1", "node-2", "PostgreSQL", "broker", "s3proxy", THIS_JVM, "other");

    /**
     * Seconds by part; of a node's, those of the processes it ran (engines); the compiler threads' and
     * the collector's seconds by Java part; and the machine's busy and total CPU seconds (all cores) from
     * {@code /proc/stat}.
     */
    record Snapshot(Map<String, Double> seconds, Map<String, Double> ran, Map<String, Double> jit, Map<String, Double> gc,
                    double machineBusy, double machineTotal) {
    }

    private CpuUse() {
    }

    /** Every process now; {@code clusterDir} tells the nodes apart (each runs from {@code <clusterDir>/<name>/server}). */
    static Snapshot now(Path clusterDir) throws IOException, InterruptedException {
        Map<Long, Long> parent = new HashMap<>();
        Map<Long, String> own = new HashMap<>();
        Map<Long, Double> seconds = new HashMap<>();
        Map<Long, Double> reaped = new HashMap<>();
        for (long pid : pids()) {
            try {
                ProcStat stat = ProcStat.of(pid);
                parent.put(pid, stat.ppid());
                // this JVM's reaped children are the commands it ran (java -version, pgbench), not the cluster's work
                seconds.put(pid, pid == ProcessHandle.current().pid() ? stat.ownSeconds() : stat.withChildrenSeconds());
                reaped.put(pid, stat.withChildrenSeconds() - stat.ownSeconds());
                role(pid, stat.comm(), cmdline(pid), clusterDir).ifPresent(r -> own.put(pid, r));
            } catch (IOException | RuntimeException gone) {
                // exited while being read: its time is its parent's once reaped
            }
        }
        Map<String, Double> byPart = new LinkedHashMap<>();
        seconds.forEach((pid, s) -> byPart.merge(partOf(pid, own, parent), s, Double::sum));
        // what a node spent in the processes it ran (the engines): those it reaped, and those running now
        Map<String, Double> ran = new LinkedHashMap<>();
        seconds.forEach((pid, s) -> {
            String part = partOf(pid, own, parent);
            if (part.startsWith("node-")) {
                ran.merge(part, own.containsKey(pid) ? reaped.get(pid) : s, Double::sum);
            }
        });
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        Map<String, Double> jit = new LinkedHashMap<>();
        Map<String, Double> gc = new LinkedHashMap<>();
        for (Map.Entry<Long, String> part : own.entrySet()) {
            if (!part.getValue().equals("PostgreSQL")) {
                Map<String, Double> threads = jvmThreads(part.getKey());
                jit.merge(part.getValue(), threads.getOrDefault(JIT, 0.0), Double::sum);
                gc.merge(part.getValue(), threads.getOrDefault(GC, 0.0), Double::sum);
            }
        }
        return new Snapshot(byPart, ran, jit, gc, ProcStat.seconds(total - idle), ProcStat.seconds(total));
    }

    /** The cluster's nodes running now, by name, and their pids. */
    static Map<String, Long> nodes(Path clusterDir) throws IOException {
        Map<String, Long> nodes = new TreeMap<>();
        for (long pid : pids()) {
            try {
                role(pid, "", cmdline(pid), clusterDir).filter(r -> r.startsWith("node-")).ifPresent(r -> nodes.put(r, pid));
            } catch (IOException gone) {
                // exited while being read
            }
        }
        return nodes;
    }

    /** The processes running now. */
    private static List<Long> pids() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::valueOf)
                    .toList();
        }
    }

    /** A process's command line, its arguments separated by spaces. */
    private static String cmdline(long pid) throws IOException {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
    }

    /**
     * A JVM's CPU seconds so far in its compiler threads and its collector threads, told apart by the
     * names HotSpot gives them ({@code C1 CompilerThread0}, {@code C2 CompilerThread0}; {@code GC
     * Thread#0}, {@code G1 Conc#0}, {@code G1 Refine#0}, ...). CPU time, not the compilers' own
     * {@code java.ci.totalTime}: that is elapsed time, and on two busy cores a compilation waiting for
     * a core counts there as compiling. A compiler thread that exited takes its seconds with it (HotSpot
     * keeps at least one of each kind, on two cores the only ones).
     */
    private static Map<String, Double> jvmThreads(long pid) {
        Map<String, Double> seconds = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    ProcStat thread = ProcStat.ofThread(pid, Long.parseLong(task.getFileName().toString()));
                    String name = thread.comm();
                    String kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? JIT
                            : name.startsWith("GC Thread") || name.startsWith("G1 ") ? GC : null;
                    if (kind != null) {
                        seconds.merge(kind, thread.ownSeconds(), Double::sum);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while being read
                }
            }
        } catch (IOException gone) {
            // the process ended: nothing of it to read
        }
        return seconds;
    }

    /** "node-1 41.2 s (38 %), …; machine busy 93 % of its cores", the seconds spent between the two snapshots. */
    static String between(Snapshot before, Snapshot after) {
        Map<String, Double> spent = new TreeMap<>(java.util.Comparator.comparingInt(CpuUse::rank)
                .thenComparing(java.util.Comparator.naturalOrder()));
        after.seconds().forEach((part, s) -> {
            double d = s - before.seconds().getOrDefault(part, 0.0);
            if (d > 0.05) {
                spent.put(part, d);
            }
        });
        double sum = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        return spent.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f s (%.0f %%%s)", e.getKey(),
                        e.getValue(), 100 * e.getValue() / sum, jvm(before, after, e.getKey())))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, "; machine busy %.0f %% of its cores", 100 * machineBusyShare(before, after));
    }

    /** The machine's busy CPU seconds between the two snapshots, all cores and every process counted. */
    static double machineBusySeconds(Snapshot before, Snapshot after) {
        return after.machineBusy() - before.machineBusy();
    }

    /**
     * The share of the machine's cores that were busy between the two snapshots (busy over all CPU
     * time, {@code /proc/stat}): the one figure the CPU line and the nodes report's bound both use.
     */
    static double machineBusyShare(Snapshot before, Snapshot after) {
        double total = after.machineTotal() - before.machineTotal();
        return total > 0 ? machineBusySeconds(before, after) / total : 0;
    }

    /**
     * ", engines 8.1 s, JIT 12.3 s, GC 1.2 s": of a node's seconds, those of the processes it ran; of a
     * Java part's, what its compiler and collector threads spent.
     */
    private static String jvm(Snapshot before, Snapshot after, String part) {
        Double jitBefore = before.jit().get(part);
        Double jitAfter = after.jit().get(part);
        if (jitBefore == null || jitAfter == null) {
            return "";
        }
        String engines = after.ran().containsKey(part) ? String.format(Locale.ROOT, ", engines %.1f s",
                after.ran().get(part) - before.ran().getOrDefault(part, 0.0)) : "";
        return String.format(Locale.ROOT, "%s, JIT %.1f s, GC %.1f s", engines, jitAfter - jitBefore,
                after.gc().getOrDefault(part, 0.0) - before.gc().getOrDefault(part, 0.0));
    }

    /**
     * The share of the nodes' CPU between the two snapshots that their compiler threads took: how far
     * from warm they still were.
     */
    static double nodesJitShare(Snapshot before, Snapshot after) {
        double jit = 0;
        double all = 0;
        for (Map.Entry<String, Double> part : after.seconds().entrySet()) {
            if (part.getKey().startsWith("node-")) {
                all += part.getValue() - before.seconds().getOrDefault(part.getKey(), 0.0);
                jit += after.jit().getOrDefault(part.getKey(), 0.0) - before.jit().getOrDefault(part.getKey(), 0.0);
            }
        }
        return all > 0 ? jit / all : 0;
    }

    private static Optional<String> role(long pid, String comm, String cmdline, Path clusterDir) {
        if (pid == ProcessHandle.current().pid()) {
            return Optional.of(THIS_JVM);
        }
        if (cmdline.contains("jboss-modules")) {
            String marker = "-Djboss.server.base.dir=" + clusterDir + "/";
            int at = cmdline.indexOf(marker);
            if (at >= 0) {
                String rest = cmdline.substring(at + marker.length());
                return Optional.of(rest.substring(0, rest.indexOf('/')));
            }
        }
        if (cmdline.contains("s3proxy")) {
            return Optional.of("s3proxy");
        }
        if (cmdline.contains("artemis")) {
            return Optional.of("broker");
        }
        if (comm.equals("postgres")) {
            return Optional.of("PostgreSQL");
        }
        return Optional.empty();
    }

    /** A process's own part, else its nearest ancestor's (an engine run by a node), else "other". */
    private static String partOf(long pid, Map<Long, String> own, Map<Long, Long> parent) {
        Long p = pid;
        for (int depth = 0; p != null && depth < 8; depth++, p = parent.get(p)) {
            String part = own.get(p);
            if (part != null) {
                return part;
            }
        }
        return "other";
    }

    private static int rank(String part) {
        int i = ORDER.indexOf(part);
        return i < 0 ? ORDER.size() - 1 : i;
    }
}
