package org.dubgate.it.bench;

import org.dubgate.it.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The WildFly the benchmark runs against ({@link ServerProcess#current()}), seen from outside as Linux
 * shows it in {@code /proc}: what its command line says it was started with (the workers, the
 * recognizer switch), and its resident memory while a job runs.
 */
final class BenchedServer {

    private final long pid;
    private final List<String> arguments;

    private BenchedServer(long pid, List<String> arguments) {
        this.pid = pid;
        this.arguments = arguments;
    }

    static BenchedServer current() throws IOException {
        long pid = ServerProcess.current().pid();
        // NUL-separated, every argument whole
        return new BenchedServer(pid, Arrays.asList(new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid),
                "cmdline")), StandardCharsets.UTF_8).split("\0")));
    }

    /** The value of {@code -Dname=value} on the command line; the last one, as the JVM takes it. */
    Optional<String> property(String name) {
        String prefix = "-D" + name + "=";
        return arguments.stream().filter(a -> a.startsWith(prefix)).reduce((first, last) -> last)
                .map(a -> a.substring(prefix.length()));
    }

    /** Starts watching the resident memory; {@link Watch#peakBytes} ends it. */
    Watch watchMemory() {
        return new Watch();
    }

    /**
     * The largest resident set from now on. Linux keeps the peak itself ({@code VmHWM}), and writing 5 to
     * {@code clear_refs} resets it to the present size, so the peak is exact and costs the server nothing;
     * where the reset is not allowed, {@code VmRSS} is sampled every 100 ms instead (a short peak may be missed).
     */
    final class Watch {
        private final AtomicLong sampled = new AtomicLong();
        private final Thread sampler;

        private Watch() {
            Thread s = null;
            try {
                Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
            } catch (IOException notAllowed) {
                s = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        status("VmRSS:").ifPresent(rss -> sampled.accumulateAndGet(rss, Math::max));
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "rss-sampler");
                s.setDaemon(true);
                s.start();
            }
            sampler = s;
        }

        /** The peak since the watch began, in bytes, and how it was found. */
        Peak peakBytes() throws InterruptedException {
            if (sampler == null) {
                return new Peak(status("VmHWM:").orElse(0L), "VmHWM, reset at each job's start");
            }
            sampler.interrupt();
            sampler.join(Duration.ofSeconds(1).toMillis());
            return new Peak(sampled.get(), "VmRSS sampled every 100 ms");
        }
    }

    record Peak(long bytes, String how) {
    }

    /** A {@code kB} figure of {@code /proc/<pid>/status}, in bytes. */
    private Optional<Long> status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Optional.of(Long.parseLong(line.substring(field.length()).replace("kB", "").strip()) << 10);
                }
            }
        } catch (IOException gone) {
            // the server is stopping: no figure
        }
        return Optional.empty();
    }

    /** Waits until the server log says the warm-up at deploy has ended; false when it never says so in time. */
    static boolean awaitWarmUp(Path serverDir, Duration within) throws IOException, InterruptedException {
        Path log = serverDir.resolve("log").resolve("server.log");
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (Files.isRegularFile(log)) {
                try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                    if (lines.anyMatch(l -> l.contains("warm-up done in") || l.contains("warm-up skipped"))) {
                        return true;
                    }
                }
            }
            Thread.sleep(250);
        }
        return false;
    }
}
