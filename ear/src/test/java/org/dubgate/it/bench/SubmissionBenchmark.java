package org.dubgate.it.bench;

import org.dubgate.it.Api;
import org.dubgate.it.Dubbing;
import org.dubgate.it.TaskQueue;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What accepting a big job costs: {@code POST /jobs} of one language of 5,000 cues, and of a two-hour
 * feature's two languages of 2,000 cues each, on a two-hour source, 7 times each after a warm-up;
 * beside it {@code media-tools script} reading the same 5,000-cue file (parse and check, a fresh JVM),
 * as a ratio. The task queue is paused while it runs, so the accepted jobs do not synthesize and load
 * the machine; they are cancelled at the end. Writes {@code target/benchmarks/submission.txt}; run by
 * {@code bench/submission.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class SubmissionBenchmark {

    private static final int RUNS = 7;


    @Test
    void bigSubmissions() throws Exception {
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Files.createDirectories(out);
        Dubbing d = new Dubbing("es", "en");
        String source = d.upload("feature.flac", "audio/flac",
                Files.readAllBytes(Dubbing.silentFlac(out.resolve("feature.flac"), 7200))).getString("id");
        String big = Dubbing.script(5000, 1400, 1200, "Frase número # del guion, con algo más de texto para leer.");
        Map<String, String> feature = Map.of(
                "es", Dubbing.script(2000, 3500, 3000, "Frase número # del guion, con algo más de texto para leer."),
                "en", Dubbing.script(2000, 3500, 3000, "Line number # of the script, with some more text to read."));
        Path bigFile = Files.writeString(out.resolve("script-5000.vtt"), big);

        List<String> accepted = new ArrayList<>();
        TaskQueue.pause();
        try {
            accepted.add(d.submit(source, Map.of("es", big), null)); // warm-up
            double[] one = median(() -> {
                accepted.add(d.submit(source, Map.of("es", big), null));
                return null;
            });
            double[] two = median(() -> {
                accepted.add(d.submit(source, feature, null));
                return null;
            });
            double[] cli = median(() -> {
                try {
                    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                            "-jar", System.getProperty("dubgate.bench.media-tools"), "script", bigFile.toString())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    assertEquals(0, p.waitFor(), "media-tools script " + bigFile);
                    return null;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String report = String.format(Locale.ROOT, """
                    job submission benchmark, %s: POST /jobs answered 201, median (max) of %d after a warm-up
                      one language, 5,000 cues                  %6.3f s (%.3f s)   target < 2 s
                      two languages x 2,000 cues (a feature)    %6.3f s (%.3f s)
                      media-tools script, the same 5,000 cues   %6.3f s (%.3f s)   (fresh JVM: parse and check only)
                      ratio server / CLI, 5,000 cues            %6.2f
                    """, Instant.now(), RUNS, one[0], one[1], two[0], two[1], cli[0], cli[1], one[0] / cli[0]);
            Files.writeString(out.resolve("submission.txt"), report);
            System.out.println(report);
        } finally {
            for (String jobId : accepted) {
                d.manager.post("/api/v1/jobs/" + jobId + "/cancel", null);
            }
            TaskQueue.resume();
        }
        assertEquals(1 + 2 * RUNS, accepted.size());
        assertTrue(Api.json(d.manager.get("/api/v1/jobs/" + accepted.get(0))).getString("state").equals("CANCELLED"));
    }

    /** Median and maximum wall time of {@link #RUNS} runs, in seconds. */
    private static double[] median(Supplier<Void> run) {
        List<Double> took = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long began = System.nanoTime();
            run.get();
            took.add((System.nanoTime() - began) / 1e9);
        }
        Collections.sort(took);
        return new double[]{took.get(RUNS / 2), took.get(RUNS - 1)};
    }
}
