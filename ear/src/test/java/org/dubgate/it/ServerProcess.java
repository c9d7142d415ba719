package org.dubgate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WildFly process the tests run against, seen from outside as an operator would: its CPU time and
 * resident memory from {@code /proc}, and its heap after a full collection and its class histogram
 * from the JDK's {@code jcmd}.
 */
public final class ServerProcess {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final ProcessHandle handle;

    private ServerProcess(ProcessHandle handle) {
        this.handle = handle;
    }

    /** The server started on this test run's data folder ({@code dubgate.it.server-dir}). */
    public static ServerProcess current() {
        String dir = System.getProperty("dubgate.it.server-dir");
        String marker = "-Djboss.server.data.dir=" + dir + "/data";
        // the newest: an earlier server on the same folder may still be finishing its exit
        return new ServerProcess(ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                        .map(c -> c.contains("jboss-modules") && c.contains(marker)).orElse(false))
                .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)))
                .orElseThrow(() -> new IllegalStateException("no WildFly running on " + dir)));
    }

    public long pid() {
        return handle.pid();
    }

    /** User and system CPU so far, in seconds. */
    public double cpuSeconds() throws IOException {
        return ProcStat.of(pid()).ownSeconds();
    }

    /** Resident set size now, in MB. */
    public double rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    /** Heap in use right after a full collection (two in a row, so what the first freed late is gone), in MB. */
    public double heapAfterFullGcMegabytes() throws IOException, InterruptedException {
        jcmd("GC.run");
        jcmd("GC.run");
        Matcher m = USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info says no heap use");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    /** The live objects' class histogram (jcmd runs a full collection first). */
    public String classHistogram() throws IOException, InterruptedException {
        return jcmd("GC.class_histogram");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("jcmd", Long.toString(pid()), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /**
     * The classes whose live bytes grew most between two histograms: "bytes-delta instances-delta
     * class" lines, at most {@code limit}.
     */
    public static List<String> grewMost(String before, String after, int limit) {
        var was = parse(before);
        var now = parse(after);
        List<long[]> growth = new ArrayList<>();
        List<String> names = new ArrayList<>(now.keySet());
        for (int i = 0; i < names.size(); i++) {
            long[] n = now.get(names.get(i));
            long[] b = was.getOrDefault(names.get(i), new long[2]);
            growth.add(new long[]{n[1] - b[1], n[0] - b[0], i});
        }
        growth.sort((x, y) -> Long.compare(y[0], x[0]));
        List<String> lines = new ArrayList<>();
        for (long[] g : growth.subList(0, Math.min(limit, growth.size()))) {
            lines.add(String.format(java.util.Locale.ROOT, "%+10d B %+8d  %s", g[0], g[1], names.get((int) g[2])));
        }
        return lines;
    }

    /** class name → {instances, bytes} from jcmd's "num: #instances #bytes class" lines. */
    private static java.util.Map<String, long[]> parse(String histogram) {
        java.util.Map<String, long[]> byClass = new java.util.LinkedHashMap<>();
        for (String line : histogram.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                byClass.merge(f[3], new long[]{Long.parseLong(f[1]), Long.parseLong(f[2])},
                        (a, b) -> new long[]{a[0] + b[0], a[1] + b[1]});
            }
        }
        return byClass;
    }
}
