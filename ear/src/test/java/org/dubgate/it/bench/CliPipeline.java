package org.dubgate.it.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * {@code bench/cli-pipeline.sh}, the command-line yardstick: the plan it reads, written from what the
 * server job was given (so both make the same lines), a timed run of it, and the untimed re-levelling
 * of its stem by the server's own gain that lets the two stems be compared bit for bit.
 */
final class CliPipeline {

    /** GNU time reports the largest resident set of the script and everything it ran (wait4 sums children). */
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** One cue as the script reads it; times in nanoseconds, as the server keeps them. */
    record Cue(String id, String character, long startNs, long endNs, String text) {
    }

    /** How a language's lines are spoken: the engine and its settings, and the track's ISO 639-2 tag. */
    record Voice(String engine, String voice, int ratePercent, int pitchPercent, String trackLanguage) {
    }

    /** The programme-wide part of the plan: the job's time-fit limit and loudness, the duck depth. */
    record Programme(Path source, long lengthNs, double maxTempo, double targetLufs, double ceilingDbtp, double duckDb) {
    }

    /**
     * A timed run: the wall time measured from here, the largest process (when GNU time is there) and the
     * script's own steps (engines, then per language fit, stem, level, mix, then the mux).
     */
    record Run(double seconds, OptionalLong peakRssBytes, Map<String, Double> steps) {
    }

    private final Path script;
    private final Path plan;
    private final Path out;
    private final int parallelism;

    CliPipeline(Path script, Path work, int parallelism) {
        this.script = script;
        this.plan = work.resolve("plan");
        this.out = work.resolve("out");
        this.parallelism = parallelism;
    }

    int parallelism() {
        return parallelism;
    }

    void writePlan(Programme p, Map<String, Voice> voices, Map<String, List<Cue>> cues) throws IOException {
        Files.createDirectories(plan);
        Files.writeString(plan.resolve("programme.conf"), String.format(Locale.ROOT, """
                source=%s
                length_ns=%d
                languages=%s
                max_tempo=%s
                target_lufs=%s
                ceiling_dbtp=%s
                duck_db=%s
                """, p.source(), p.lengthNs(), String.join(" ", voices.keySet()), p.maxTempo(), p.targetLufs(),
                p.ceilingDbtp(), p.duckDb()));
        for (Map.Entry<String, Voice> e : voices.entrySet()) {
            Voice v = e.getValue();
            Files.writeString(plan.resolve(e.getKey() + ".voice"), String.format(Locale.ROOT, """
                    engine=%s
                    voice=%s
                    rate_percent=%d
                    pitch_percent=%d
                    track_language=%s
                    """, v.engine(), v.voice(), v.ratePercent(), v.pitchPercent(), v.trackLanguage()));
            Files.writeString(plan.resolve(e.getKey() + ".cues"), cues.get(e.getKey()).stream()
                    .map(c -> String.join("\t", c.id(), c.character(), Long.toString(c.startNs()),
                            Long.toString(c.endNs()), c.text().replace('\n', ' ')) + "\n")
                    .collect(Collectors.joining()), StandardCharsets.UTF_8);
        }
    }

    /** Runs the whole job with the script; fails the benchmark when the script fails. */
    Run run() throws IOException, InterruptedException {
        Path rss = out.resolveSibling("peak-rss-kb");
        Files.deleteIfExists(rss);
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(GNU_TIME)) {
            command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
        }
        command.addAll(List.of("bash", script.toString(), plan.toString(), out.toString(), Integer.toString(parallelism)));
        long began = System.nanoTime();
        execute(command);
        double seconds = (System.nanoTime() - began) / 1e9;
        OptionalLong peak = Files.isRegularFile(rss)
                ? OptionalLong.of(Long.parseLong(Files.readString(rss).strip()) << 10) : OptionalLong.empty();
        return new Run(seconds, peak, steps());
    }

    /**
     * Levels the last run's float stem of {@code language} by {@code gain} (given as its exact decimal,
     * so FFmpeg's volume filter multiplies by this very float) and mixes it; untimed.
     */
    void relevel(String language, float gain) throws IOException, InterruptedException {
        execute(List.of("bash", script.toString(), "relevel", plan.toString(), out.toString(), language,
                new BigDecimal(gain).toPlainString()));
    }

    Path unlevelledStem(String language) {
        return out.resolve(language).resolve("unlevelled.wav");
    }

    Path stem(String language) {
        return out.resolve(language).resolve("dialogue.wav");
    }

    Path relevelledStem(String language) {
        return out.resolve(language).resolve("relevelled.dialogue.wav");
    }

    Path relevelledMix(String language) {
        return out.resolve(language).resolve("relevelled.mix.wav");
    }

    Path line(String language, int index) {
        return out.resolve(language).resolve("lines").resolve(String.format(Locale.ROOT, "%04d.wav", index));
    }

    /** The linear gain the script levelled {@code language} by. */
    double gain(String language) throws IOException {
        return Double.parseDouble(Files.readString(out.resolve(language).resolve("gain")).strip());
    }

    /** The tempo the script's time-fit chose for each line of {@code language}, in cue order. */
    List<Double> tempos(String language) throws IOException {
        return Files.readAllLines(out.resolve(language).resolve("fit.tsv")).stream()
                .map(l -> Double.parseDouble(l.split("\t")[3])).toList();
    }

    /** Each step's seconds, from the start and end the script stamped (steps of languages side by side overlap). */
    private Map<String, Double> steps() throws IOException {
        Map<String, Double> start = new LinkedHashMap<>();
        Map<String, Double> took = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("times.tsv"))) {
            String[] f = line.split("\t");
            double at = Double.parseDouble(f[2]);
            if (f[1].equals("start")) {
                start.put(f[0], at);
            } else {
                took.put(f[0], at - start.get(f[0]));
            }
        }
        return took;
    }

    private void execute(List<String> command) throws IOException, InterruptedException {
        Path log = out.resolveSibling("cli-pipeline.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "):\n"
                    + Files.readString(log, StandardCharsets.ISO_8859_1));
        }
    }
}
