package org.dubgate.it.bench;

import org.dubgate.it.MemorySoak;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The memory soak at full length (default 5 minutes, {@code -Ddubgate.bench.soak-minutes}): small jobs
 * one after another, the server's after-GC heap each minute, its RSS, and the classes that grew. Writes
 * {@code target/benchmarks/soak.txt}; run by {@code bench/soak.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class SoakBenchmark {

    private static final int MINUTES = Integer.getInteger("dubgate.bench.soak-minutes", 5);

    @Test
    void smallJobsForMinutes() throws Exception {
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Files.createDirectories(out);
        MemorySoak.Result r = new MemorySoak().run(30, Duration.ofMinutes(MINUTES));
        String report = "memory soak, " + Instant.now() + ", " + MINUTES + " minutes:\n" + r.report();
        Files.writeString(out.resolve("soak.txt"), report);
        System.out.println(report);
    }
}
