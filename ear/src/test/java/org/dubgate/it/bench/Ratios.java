package org.dubgate.it.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The comparison's figures from the alternating runs: each server job beside the script run that
 * followed it, the ratios, and their medians, the way the issue asks for them (warm: the median of the
 * pairs' ratios; cold: the first job against the script's median).
 */
final class Ratios {

    private Ratios() {
    }

    /** @param warmTarget the bound for this configuration's warm ratio, as text */
    static String table(PipelineBenchmark.ServerJob cold, List<PipelineBenchmark.ServerJob> warm,
                        List<CliPipeline.Run> clis, String warmTarget) {
        double cliMedian = median(clis, CliPipeline.Run::seconds);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "run order: the server's first job, the script, then %d x (server job, script); wall seconds%n", warm.size()));
        s.append("                                server   script   ratio   without CHECK alone   WildFly peak RSS   script's largest process\n");
        s.append(row("first job after start (cold)", cold, cliMedian, clis.get(0), " (script: median of all runs)"));
        List<Double> ratios = new ArrayList<>();
        List<Double> ratiosWithoutCheck = new ArrayList<>();
        for (int i = 0; i < warm.size(); i++) {
            CliPipeline.Run run = clis.get(i + 1);
            s.append(row("warm pair " + (i + 1), warm.get(i), run.seconds(), run, ""));
            ratios.add(warm.get(i).times().wall() / run.seconds());
            ratiosWithoutCheck.add(warm.get(i).times().wallWithoutCheck() / run.seconds());
        }
        List<PipelineBenchmark.ServerJob> all = new ArrayList<>(warm);
        all.add(cold);
        s.append(String.format(Locale.ROOT, """
                        medians
                          warm ratio, server / script, median of the %d pairs   %5.2f (%.2f without CHECK alone)   target %s
                          cold ratio, first job / median script run          %5.2f (%.2f without CHECK alone)   target <= 1.20
                          server warm %.2f s (median), script %.2f s (median of %d runs)
                          WildFly peak RSS during a job: %d MB at most, %d MB the median (%s)
                        """, warm.size(), median(ratios, r -> r), median(ratiosWithoutCheck, r -> r), warmTarget,
                cold.times().wall() / cliMedian, cold.times().wallWithoutCheck() / cliMedian,
                median(warm, j -> j.times().wall()), cliMedian, clis.size(),
                all.stream().mapToLong(j -> j.rss().bytes()).max().orElse(0) >> 20,
                (long) median(all, j -> j.rss().bytes()) >> 20, cold.rss().how()));
        return s.toString();
    }

    /** The script's steps in its median run: where the yardstick's time goes. */
    static String steps(CliPipeline.Run run, int parallelism) {
        return String.format(Locale.ROOT, "bench/cli-pipeline.sh, its median run (P = %d): %.2f s%n  %s%n", parallelism,
                run.seconds(), run.steps().entrySet().stream().filter(e -> !e.getKey().equals("job"))
                        .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
    }

    static PipelineBenchmark.ServerJob medianByWall(List<PipelineBenchmark.ServerJob> jobs) {
        return middle(jobs, j -> j.times().wall());
    }

    static CliPipeline.Run medianBySeconds(List<CliPipeline.Run> runs) {
        return middle(runs, CliPipeline.Run::seconds);
    }

    private static String row(String which, PipelineBenchmark.ServerJob job, double cliSeconds, CliPipeline.Run run,
                              String note) {
        return String.format(Locale.ROOT, "  %-28s %7.2f  %7.2f  %6.2f   %8.2f              %6d MB          %s%s%n", which,
                job.times().wall(), cliSeconds, job.times().wall() / cliSeconds, job.times().wallWithoutCheck() / cliSeconds,
                job.rss().bytes() >> 20, run.peakRssBytes().isPresent() ? (run.peakRssBytes().getAsLong() >> 20) + " MB"
                        : "unknown (no /usr/bin/time)", note);
    }

    /** The item with the middle value (the upper middle of an even count). */
    private static <T> T middle(List<T> items, ToDoubleFunction<T> value) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingDouble(value));
        return sorted.get(sorted.size() / 2);
    }

    /** The median (the mean of the two middle values of an even count). */
    private static <T> double median(List<T> items, ToDoubleFunction<T> value) {
        double[] v = items.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
