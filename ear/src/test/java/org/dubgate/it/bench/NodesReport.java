package org.dubgate.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The text of {@code nodes.txt} below its header: the job figures of both configurations, and the row locks. */
final class NodesReport {

    private NodesReport() {
    }

    /** One kind of batch on 1 node against 2: each run, the medians when there are several, and who ran what. */
    static String jobs(String title, NodesBenchmark.Configuration one, NodesBenchmark.Configuration two, boolean big) {
        List<ClusterJobs.Run> a = big ? one.big() : one.small();
        List<ClusterJobs.Run> b = big ? two.big() : two.small();
        ClusterJobs.Run sample = a.get(0);
        String what = big
                ? String.format(Locale.ROOT, "%d cues x %s = %d lines, a %d s silent FLAC", ClusterJobs.BIG_CUES,
                ClusterJobs.BIG_LANGUAGES, ClusterJobs.BIG_CUES * ClusterJobs.BIG_LANGUAGES.size(), ClusterJobs.sourceSeconds())
                : String.format(Locale.ROOT, "%d jobs of %d cues x %s, a 10 s silent FLAC", ClusterJobs.SMALL_JOBS,
                ClusterJobs.SMALL_CUES, ClusterJobs.SMALL_LANGUAGES);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: %s, %d tasks%n", title, what,
                sample.tasks().size()));
        s.append("                                   1 node     2 nodes    ratio\n");
        for (int i = 0; i < a.size(); i++) {
            s.append(row("run " + (i + 1) + ", server", a.get(i).serverSeconds(), b.get(i).serverSeconds()));
            s.append(row("run " + (i + 1) + ", client", a.get(i).clientSeconds(), b.get(i).clientSeconds()));
        }
        if (a.size() > 1) {
            s.append(medians("server", a, b, ClusterJobs.Run::serverSeconds));
            s.append(medians("client", a, b, ClusterJobs.Run::clientSeconds));
        }
        for (int i = 0; i < a.size(); i++) {
            s.append(String.format(Locale.ROOT, "  run %d, tasks per node, 1 node:  %s%n                         2 nodes: %s%n",
                    i + 1, a.get(i).perNode(), b.get(i).perNode()));
            s.append(String.format(Locale.ROOT, "  run %d, CPU by process, 1 node:  %s%n                          2 nodes: %s%n",
                    i + 1, a.get(i).cpu(), b.get(i).cpu()));
            s.append(bound(i + 1, a.get(i), b.get(i)));
            s.append(phases(i + 1, a.get(i), b.get(i), big));
            if (big) {
                // the serial tail (the last language's MIX and CHECK, then ASSEMBLE) is what a second node cannot share
                s.append(String.format(Locale.ROOT, "  run %d, wall covered / busy by kind, 1 node:  %s%n"
                        + "                                      2 nodes: %s%n", i + 1, a.get(i).timeByKind(),
                        b.get(i).timeByKind()));
            }
        }
        s.append(String.format(Locale.ROOT, "  tasks started more than once: %d (1 node), %d (2 nodes)",
                a.stream().mapToLong(ClusterJobs.Run::rerun).sum(), b.stream().mapToLong(ClusterJobs.Run::rerun).sum()));
        if (big) {
            s.append(String.format(Locale.ROOT, "; English lines CHECK ran the recognizer on: %d of %d",
                    sample.recognizedLines(), ClusterJobs.BIG_CUES));
        }
        return s.append("\n\n").toString();
    }

    /**
     * What the pair's ratio is made of on this machine, over the client's window: a batch's time is its
     * CPU over the cores it keeps busy, so ratio = (CPU on 1 node / CPU on 2) x (share of the cores busy
     * on 2 / on 1). And its bound: had two nodes done the work with no more CPU than one node spent and
     * kept every core busy, 1 / (one node's busy share) — what no spreading can pass here.
     */
    private static String bound(int run, ClusterJobs.Run one, ClusterJobs.Run two) {
        double cpu = one.machineCpuSeconds() / two.machineCpuSeconds();
        double busy = two.machineBusyShare() / one.machineBusyShare();
        return String.format(Locale.ROOT, "  run %d, the ratio's parts (client clock): CPU %.1f s / %.1f s = %.2f, cores busy "
                        + "%.0f %% / %.0f %% = %.2f, product %.2f (the ratio);%n         bound here: 1 / %.0f %% = %.2f "
                        + "(two nodes with one node's CPU, every core busy)%n", run, one.machineCpuSeconds(),
                two.machineCpuSeconds(), cpu, 100 * two.machineBusyShare(), 100 * one.machineBusyShare(), busy, cpu * busy,
                100 * one.machineBusyShare(), 1 / one.machineBusyShare());
    }

    /**
     * Where a pair's ratio went: each kind's mean task time alone and beside the other node, and for the
     * big job the ratio of its synthesis phase (36 batches shared evenly: only the tasks' slowdown beside
     * each other costs) against the ratio of the rest (the languages' MIX and CHECK, ASSEMBLE and the
     * hand-offs, of which the last language's and ASSEMBLE cannot be shared).
     */
    private static String phases(int run, ClusterJobs.Run one, ClusterJobs.Run two, boolean big) {
        Map<String, Double> a = one.meanTaskSeconds();
        Map<String, Double> b = two.meanTaskSeconds();
        String perTask = JobTimes.KINDS.stream().filter(a::containsKey).filter(b::containsKey)
                .map(k -> String.format(Locale.ROOT, "%s %.2f / %.2f s (%+.0f %%)", k, a.get(k), b.get(k),
                        100 * (b.get(k) / a.get(k) - 1)))
                .collect(Collectors.joining(", "));
        String s = String.format(Locale.ROOT, "  run %d, a task's mean time, 1 node / 2 nodes: %s%n", run, perTask);
        JobTimes x = one.firstJob();
        JobTimes y = two.firstJob();
        JobTimes.Kind sx = x.kinds().get("SYNTHESIZE");
        JobTimes.Kind sy = y.kinds().get("SYNTHESIZE");
        if (big && sx != null && sy != null) {
            double synthOne = sx.covered();
            double synthTwo = sy.covered();
            s += String.format(Locale.ROOT, "         the job's synthesis, first batch's start to last one's end: %.1f s / %.1f s = %.2f;"
                            + " the rest of the job: %.1f s / %.1f s = %.2f%n", synthOne, synthTwo, synthOne / synthTwo,
                    x.wall() - synthOne, y.wall() - synthTwo, (x.wall() - synthOne) / (y.wall() - synthTwo));
            // the engines' own time against the rest of a batch: which side of a line slows beside the other node
            s += String.format(Locale.ROOT, "         a line inside its engine: %.1f / %.1f ms; the rest of its batch's time: %.1f / %.1f ms%n",
                    1000 * x.engines() / x.lines(), 1000 * y.engines() / y.lines(),
                    1000 * (sx.busy() - x.engines()) / x.lines(), 1000 * (sy.busy() - y.engines()) / y.lines());
        }
        return s;
    }

    /** The warm-up rounds both nodes ran before the timed pairs: the nodes' JIT share in each. */
    static String warmUp(List<String> rounds) {
        return String.format(Locale.ROOT, "warm-up, both nodes at work: the nodes' JIT share of their CPU (big job / small jobs), "
                + "round by round: %s%n%n", String.join(", ", rounds));
    }

    /** The median times of each configuration, and the median of the pairs' own ratios (what the run says). */
    private static String medians(String clock, List<ClusterJobs.Run> a, List<ClusterJobs.Run> b,
                                  ToDoubleFunction<ClusterJobs.Run> seconds) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(seconds.applyAsDouble(a.get(i)) / seconds.applyAsDouble(b.get(i)));
        }
        return figures("median, " + clock, median(a, seconds), median(b, seconds), median(ratios, Double::doubleValue))
                + String.format(Locale.ROOT, "  (median of the pairs' ratios)%n");
    }

    /** The pgbench figures, a client count a column, and what the disk's flush rate would make of them. */
    static String locks(RowLocks.Results r, List<Integer> clients, int seconds) {
        int most = clients.get(clients.size() - 1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, """
                (c) PostgreSQL row locks: pgbench on the cluster's database after the cluster stopped
                    (%s);
                    %d s a figure, -M simple, pgbench threads = min(clients, cores), on scratch tables LIKE audit_head,
                    audit_entry and dubbing_job (dropped after); ledger: lock the head FOR UPDATE, insert the entry,
                    update the head; job row: lock it FOR UPDATE, update it. Two-phase = PREPARE TRANSACTION and
                    COMMIT PREPARED, as the nodes' XA transactions commit when a JMS send is in them
                """, r.server(), seconds));
        s.append(String.format(Locale.ROOT, "  %-54s", "transactions/s (average latency)"));
        clients.forEach(c -> s.append(String.format(Locale.ROOT, "  %-18s", c + (c == 1 ? " client" : " clients"))));
        s.append(String.format(Locale.ROOT, "  %d / 1%n", most));
        r.figures().forEach((script, byClients) -> {
            s.append(String.format(Locale.ROOT, "  %-54s", script.label));
            clients.forEach(c -> {
                RowLocks.Figure f = byClients.get(c);
                s.append(String.format(Locale.ROOT, "  %7.0f (%5.2f ms)", f.tps(), f.latencyMs()));
            });
            s.append(String.format(Locale.ROOT, "  %5.2f%n", byClients.get(most).tps() / byClients.get(1).tps()));
        });
        s.append(String.format(Locale.ROOT, "  (%d / 1: one row every client queues on is held by one transaction at a time, so only the\n"
                + "  work outside the lock overlaps; rows of their own rise until the cores run out, which pgbench and\n"
                + "  PostgreSQL share here)%n", most));
        if (r.fdatasyncPerSecond().isPresent()) {
            double f = r.fdatasyncPerSecond().getAsDouble();
            boolean off = r.server().contains("fsync=off");
            s.append(String.format(Locale.ROOT, """
                      this disk (pg_test_fsync in %s): one 8 kB write + fdatasync, %.0f a second. With fsync on, the head
                      row stays locked through its commit's WAL flush (group commit cannot batch appends that wait on
                      one lock), so appends stay under about %.0f/s one-phase and %.0f/s two-phase (PREPARE and
                      COMMIT PREPARED flush each), however many clients and nodes%s
                    """, r.fsyncDir(), f, f, f / 2, off ? ": reasoned, not measured (this database runs with fsync=off)"
                    : " (this database runs with fsync on: the figures above include the flush)"));
        } else {
            s.append("  no pg_test_fsync figure (-Ddubgate.bench.fsync-test=false, or no /usr/lib/postgresql/*/bin/pg_test_fsync)\n");
        }
        return s.append('\n').toString();
    }

    private static String row(String what, double oneNode, double twoNodes) {
        return figures(what, oneNode, twoNodes, oneNode / twoNodes) + String.format(Locale.ROOT, "%n");
    }

    /** A row's columns, without its line end: both times and the ratio beside them. */
    private static String figures(String what, double oneNode, double twoNodes, double ratio) {
        return String.format(Locale.ROOT, "  %-28s %8.2f s  %8.2f s  %6.2f", what, oneNode, twoNodes, ratio);
    }

    /** The median (the mean of the two middle values of an even count). */
    private static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
