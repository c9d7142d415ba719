package org.dubgate.it.bench;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where a server job's wall time went, from its tasks' start and end (the last attempt of each) and
 * its lines' engine times. With several workers tasks run side by side, so sums of task times can
 * exceed the wall time: each kind is given both its busy time (the sum) and its share of the wall
 * (the union of its tasks' intervals), and what is left for orchestration is the time during which no
 * task ran at all (the wall less the union of every task's interval), never negative.
 *
 * @param wall         job created to its last change (IN_REVIEW), by the server's clock, in seconds
 * @param kinds        per task kind, in pipeline order
 * @param engines      the engines' time, summed over the lines
 * @param idle         the time no task was running: queueing, hand-offs between stages, the job's own transitions
 * @param checkAlone   the time CHECK ran with no other task beside it: what leaving CHECK out would save
 */
record JobTimes(double wall, Map<String, Kind> kinds, double engines, double idle, double checkAlone, int lines,
                long overflowing) {

    /** The task kinds of a job, in pipeline order: the order every figure of them is given in. */
    static final List<String> KINDS = List.of("SYNTHESIZE", "MIX", "CHECK", "ASSEMBLE");

    /** One kind's tasks: how many, their busy time (sum) and the wall time they covered (union). */
    record Kind(int tasks, double busy, double covered) {
    }

    private record Interval(Instant from, Instant to) {
        double seconds() {
            return Duration.between(from, to).toNanos() / 1e9;
        }
    }

    static JobTimes of(JsonObject job, List<JsonObject> outputs) {
        Instant created = Instant.parse(job.getString("createdAt"));
        Instant ended = Instant.parse(job.getString("updatedAt"));
        List<JsonObject> tasks = job.getJsonArray("tasks").getValuesAs(JsonObject.class);
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (String kind : KINDS) {
            List<Interval> of = intervals(tasks, t -> t.getString("kind").equals(kind), created, ended);
            if (!of.isEmpty()) {
                kinds.put(kind, new Kind(of.size(), of.stream().mapToDouble(Interval::seconds).sum(), union(of)));
            }
        }
        double all = union(intervals(tasks, t -> true, created, ended));
        double notCheck = union(intervals(tasks, t -> !t.getString("kind").equals("CHECK"), created, ended));
        double wall = new Interval(created, ended).seconds();
        return new JobTimes(wall, kinds,
                outputs.stream().mapToDouble(o -> o.getJsonNumber("engineSeconds").doubleValue()).sum(),
                wall - all, all - notCheck, outputs.size(),
                outputs.stream().filter(o -> !o.getJsonArray("flags").isEmpty()).count());
    }

    /** The wall time with CHECK left out: the time it ran alone taken away. */
    double wallWithoutCheck() {
        return wall - checkAlone;
    }

    /** The report's lines for this job, {@code workers} being how many the server ran them with. */
    String report(String which, String workers) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "server, %s, %s: %d lines (%d flagged OVERFLOW) in %d tasks%n", workers, which, lines, overflowing,
                kinds.values().stream().mapToInt(Kind::tasks).sum()));
        s.append(String.format(Locale.ROOT, "  wall time, job created to IN_REVIEW         %7.2f s%n", wall));
        s.append("  task kind     tasks   busy (sum)   wall covered (union)\n");
        kinds.forEach((kind, k) -> s.append(String.format(Locale.ROOT, "  %-12s %6d   %8.2f s   %8.2f s%n", kind,
                k.tasks(), k.busy(), k.covered())));
        double synthesis = kinds.containsKey("SYNTHESIZE") ? kinds.get("SYNTHESIZE").busy() : 0;
        s.append(String.format(Locale.ROOT, "  inside the engines (sum over lines)         %7.2f s%n", engines));
        s.append(String.format(Locale.ROOT, "  SYNTHESIZE tasks outside the engines (busy) %7.2f s%n", synthesis - engines));
        s.append(String.format(Locale.ROOT,
                "  no task running (orchestration)             %7.2f s = %.1f %% of engine time (target < 10 %%)%n",
                idle, 100 * idle / engines));
        s.append(String.format(Locale.ROOT, "  CHECK running alone                         %7.2f s (wall without it %.2f s)%n",
                checkAlone, wallWithoutCheck()));
        return s.toString();
    }

    private static List<Interval> intervals(List<JsonObject> tasks, Predicate<JsonObject> which, Instant created,
                                            Instant ended) {
        List<Interval> out = new ArrayList<>();
        for (JsonObject t : tasks) {
            if (!which.test(t) || t.isNull("startedAt")) {
                continue;
            }
            Instant from = max(created, Instant.parse(t.getString("startedAt")));
            Instant to = min(ended, Instant.parse(t.getString("updatedAt")));
            if (to.isAfter(from)) {
                out.add(new Interval(from, to));
            }
        }
        return out;
    }

    /** How long at least one of the intervals covers, overlaps counted once. */
    private static double union(List<Interval> intervals) {
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparing(Interval::from));
        double total = 0;
        Instant reached = Instant.MIN;
        for (Interval i : sorted) {
            Instant from = max(i.from(), reached);
            if (i.to().isAfter(from)) {
                total += new Interval(from, i.to()).seconds();
                reached = i.to();
            }
        }
        return total;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
