package org.dubgate.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.dubgate.media.voice.Speech;
import org.dubgate.media.voice.VoiceEngines;
import org.dubgate.media.voice.VoiceSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Memory of the media stages alone: {@code media-tools dub} (2 languages mixed and assembled) in a
 * fresh JVM on the 10- and 60-minute sources, its heap read from {@code -Xlog:gc}, and the 60-minute
 * dub once more in a heap far smaller than its audio: flat memory shown the blunt way.
 */
final class MediaStagesHeap {

    private MediaStagesHeap() {
    }

    static String measure(Path media, Path work, int cuesPer10Minutes, double spacing, String[] lines)
            throws IOException, InterruptedException {
        Path lineDir = Files.createDirectories(work.resolve("lines"));
        List<Double> lengths = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                Speech speech = VoiceEngines.named("espeak-ng").orElseThrow().synthesize(lines[i], "es",
                        VoiceSettings.DEFAULT, lineDir.resolve(i + ".wav"), Duration.ofSeconds(30));
                lengths.add(speech.length().toNanos() / 1e9);
            } catch (org.dubgate.media.voice.EngineException e) {
                throw new IllegalStateException(e);
            }
        }
        StringBuilder report = new StringBuilder("media stages alone (media-tools dub: 2 languages mixed + assembled), -Xmx256m, G1\n");
        for (int minutes : new int[]{10, 60}) {
            Path plan = plan(work, media.resolve("source-" + minutes + "min.mp4"), minutes, cuesPer10Minutes * minutes / 10,
                    spacing, lineDir, lengths);
            Path gc = work.resolve("gc-" + minutes + ".log");
            double seconds = dub(plan, work.resolve("dub-" + minutes), "-Xmx256m", "-Xlog:gc:file=" + gc);
            long[] heap = heap(gc);
            report.append(String.format(Locale.ROOT,
                    "  %2d min source, %4d cues/language: %6.1f s, %3d GCs, heap peak before GC %4d MB, after GC %3d MB%n",
                    minutes, cuesPer10Minutes * minutes / 10, seconds, heap[2], heap[0] >> 20, heap[1] >> 20));
        }
        double seconds = dub(work.resolve("plan-60.json"), work.resolve("dub-60"), "-Xmx24m");
        report.append(String.format(Locale.ROOT, "  60 min source again with -Xmx24m: completed in %.1f s%n", seconds));
        return report.toString();
    }

    /** A dub plan for two languages, the same lines repeated every {@code spacing} seconds over the whole source. */
    private static Path plan(Path work, Path source, int minutes, int cues, double spacing, Path lines,
                             List<Double> lengths) throws IOException {
        JsonArrayBuilder languages = Json.createArrayBuilder();
        for (String language : new String[]{"en", "es"}) {
            JsonArrayBuilder placed = Json.createArrayBuilder();
            for (int i = 0; i < cues; i++) {
                double start = 1.0 + i * spacing;
                int l = i % lengths.size();
                placed.add(Json.createObjectBuilder().add("audio", lines.resolve(l + ".wav").toString())
                        .add("start", start).add("end", start + lengths.get(l)).add("tempo", 1.0));
            }
            languages.add(Json.createObjectBuilder().add("language", language).add("lines", placed));
        }
        return Files.writeString(work.resolve("plan-" + minutes + ".json"), Json.createObjectBuilder()
                .add("source", source.toString()).add("length", minutes * 60.0).add("languages", languages)
                .build().toString());
    }

    /** Runs {@code media-tools dub} in a fresh JVM with the given options; returns its wall time in seconds. */
    private static double dub(Path plan, Path outDir, String... jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", System.getProperty("dubgate.bench.media-tools"), "dub", plan.toString(),
                outDir.toString()));
        long s = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
        return (System.nanoTime() - s) / 1e9;
    }

    /** Peak heap before a GC, peak after one, and the number of GCs, from a {@code -Xlog:gc} file. */
    private static long[] heap(Path gcLog) throws IOException {
        Pattern p = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(");
        long before = 0;
        long after = 0;
        long count = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
                count++;
            }
        }
        return new long[]{before, after, count};
    }

    private static long bytes(String n, String unit) {
        return Long.parseLong(n) << switch (unit) {
            case "K" -> 10;
            case "M" -> 20;
            default -> 30;
        };
    }
}
