package org.dubgate.it.bench;

import jakarta.json.JsonObject;
import org.dubgate.it.Api;
import org.dubgate.media.mix.Assembler;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.PcmReader;
import org.dubgate.media.mix.Span;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whether the server job and the script did the same work, on the last pair's files: each line's
 * audio (SHA-256 against the server's stored line) and time-fit; each stem bit for bit, once the
 * script's float stem is levelled by the server's own gain (found again by the server's meter: the
 * script's ebur128 differs by thousandths of an LU, so its own gain does too, which is reported as
 * well); and each full mix made from that stem, within how many LSB. Where they differ: the system
 * ffmpeg and JavaCV's FFmpeg decode the source's AAC apart here and there (counted), and where the
 * server's true-peak limiter acts the script's alimiter (sample peaks) acts otherwise. Then
 * ASSEMBLE's mux against the FFmpeg CLI on the server's mixes.
 */
final class Equivalence {

    private final Api manager;
    private final CliPipeline cli;
    private final Path source;
    private final Duration length;
    private final Path dir;
    private final Map<String, List<CliPipeline.Cue>> cues;
    private final Map<String, Path> serverMixes = new LinkedHashMap<>();

    Equivalence(Api manager, CliPipeline cli, Path source, long lengthNs, Map<String, List<CliPipeline.Cue>> cues,
                Path dir) {
        this.manager = manager;
        this.cli = cli;
        this.source = source;
        this.length = Duration.ofNanos(lengthNs);
        this.cues = cues;
        this.dir = dir;
    }

    String report(JsonObject job, List<JsonObject> outputs, double targetLufs) throws Exception {
        Files.createDirectories(dir);
        String jobId = job.getString("id");
        Map<String, String> languageOfTask = job.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(t -> t.getString("id"), t -> t.getString("language", "")));
        List<JsonObject> deliverables = manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        StringBuilder s = new StringBuilder("the same work (the last pair: the server's files against the script's)\n");
        s.append(String.format(Locale.ROOT, "  the source's audio as 16-bit samples: %d of them differ between the system ffmpeg and "
                + "JavaCV's FFmpeg (their AAC decoders), the mixes can differ there by one 16-bit step (256 LSB)%n",
                sourceDecodesDiffering()));
        for (Map.Entry<String, List<CliPipeline.Cue>> language : cues.entrySet()) {
            String lang = language.getKey();
            List<CliPipeline.Cue> list = language.getValue();
            Map<String, JsonObject> byCue = outputs.stream().filter(o -> !o.getBoolean("superseded")
                    && lang.equals(languageOfTask.get(o.getString("taskId"))))
                    .collect(Collectors.toMap(o -> o.getString("cueId"), o -> o));
            List<Double> tempos = cli.tempos(lang);
            int sameAudio = 0;
            int sameTempo = 0;
            List<Span> dubSpans = new ArrayList<>();
            List<Span> cueSpans = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                CliPipeline.Cue cue = list.get(i);
                JsonObject o = byCue.get(cue.id());
                JsonObject fit = o.getJsonObject("timeFit");
                sameAudio += o.getString("sha256").equalsIgnoreCase(sha256(cli.line(lang, i))) ? 1 : 0;
                sameTempo += Math.abs(fit.getJsonNumber("tempo").doubleValue() - tempos.get(i)) < 1e-9 ? 1 : 0;
                // MixStage: the original is ducked over the cue and over the line wherever it runs past it
                long start = Math.round(fit.getJsonNumber("startSeconds").doubleValue() * 1e9);
                long end = start + Math.round(fit.getJsonNumber("fittedSeconds").doubleValue() * 1e9);
                dubSpans.add(new Span(Duration.ofNanos(Math.min(start, cue.startNs())),
                        Duration.ofNanos(Math.max(end, cue.endNs()))));
                cueSpans.add(new Span(Duration.ofNanos(cue.startNs()), Duration.ofNanos(cue.endNs())));
            }
            Path stem = download(jobId, deliverables, "DIALOGUE_STEM", lang);
            Path mix = download(jobId, deliverables, "FULL_MIX", lang);
            serverMixes.put(lang, mix);
            JsonObject mixDeliverable = deliverable(deliverables, "FULL_MIX", lang);
            double gainDb = WavData.serverGainDb(cli.unlevelledStem(lang), source, dubSpans, cueSpans, length, targetLufs);
            cli.relevel(lang, WavData.linear(gainDb));
            s.append(String.format(Locale.ROOT, "  %s: lines: %d of %d byte-identical to the server's (SHA-256), time-fit tempo the same for %d%n",
                    lang, sameAudio, list.size(), sameTempo));
            s.append(String.format(Locale.ROOT,
                    "    the server's gain %.4f dB (its meter on the script's float stem; the server reports %s dB, limiter %s dB)%n",
                    gainDb, mixDeliverable.get("dialogueGainDb"), mixDeliverable.get("limiterReductionDb")));
            s.append("    stem at the server's gain against the server's stem: ")
                    .append(WavData.compare24(stem, cli.relevelledStem(lang)).describe()).append('\n');
            s.append(String.format(Locale.ROOT, "    stem at the script's own gain (ebur128: %.4f dB): %s%n",
                    20 * Math.log10(cli.gain(lang)), WavData.compare24(stem, cli.stem(lang)).describe()));
            s.append("    full mix from the stem at the server's gain: ")
                    .append(WavData.compare24(mix, cli.relevelledMix(lang)).describe()).append('\n');
        }
        return s.toString();
    }

    /** ASSEMBLE's mux (JavaCV) against {@code ffmpeg -c copy} on the same inputs: the server's mixes. Median of 5. */
    String muxAgainstCli(Path work) throws IOException, InterruptedException, MixException {
        List<Assembler.DubTrack> dubs = new ArrayList<>();
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y", "-i", source.toString()));
        List<String> maps = new ArrayList<>(List.of("-map", "0:v", "-map", "0:a"));
        List<String> tags = new ArrayList<>();
        int input = 1;
        for (Map.Entry<String, Path> mix : serverMixes.entrySet()) {
            String code = mix.getKey().equals("en") ? "eng" : "spa";
            dubs.add(new Assembler.DubTrack(mix.getValue(), code, mix.getKey() + " dub"));
            command.addAll(List.of("-i", mix.getValue().toString()));
            maps.addAll(List.of("-map", input + ":a"));
            tags.addAll(List.of("-metadata:s:a:" + input, "language=" + code));
            input++;
        }
        Path ours = work.resolve("assembled.mkv");
        Path theirs = work.resolve("ffmpeg-cli.mkv");
        command.addAll(maps);
        command.addAll(List.of("-c", "copy"));
        command.addAll(tags);
        command.addAll(List.of("-metadata", "AI_GENERATED_DIALOGUE=true", theirs.toString()));
        double[] lib = new double[5];
        double[] ffmpeg = new double[5];
        Assembler.assemble(source, "und", dubs, "manifest.json", ours); // warm-up
        run(command);
        for (int i = 0; i < lib.length; i++) {
            long s = System.nanoTime();
            Assembler.assemble(source, "und", dubs, "manifest.json", ours);
            lib[i] = (System.nanoTime() - s) / 1e9;
            s = System.nanoTime();
            run(command);
            ffmpeg[i] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(lib);
        Arrays.sort(ffmpeg);
        return String.format(Locale.ROOT, """
                        ASSEMBLE mux (picture + original + 2 PCM tracks), median of 5
                          media-tools Assembler (JavaCV)       %7.3f s, %d MB written
                          ffmpeg -c copy (CLI, same inputs)    %7.3f s, %d MB written
                          ratio                                %7.2f (target <= 1.3)
                        """, lib[2], Files.size(ours) >> 20, ffmpeg[2], Files.size(theirs) >> 20, lib[2] / ffmpeg[2]);
    }

    /** How many samples of the source's audio the two FFmpeg builds decode differently, both read as media-tools reads it. */
    private long sourceDecodesDiffering() throws IOException, MixException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-i", source.toString(), "-af",
                "aformat=sample_fmts=s16:channel_layouts=stereo", "-f", "s16le", "-")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long differing = 0;
        try (PcmReader javacv = new PcmReader(source, "stereo", 2);
             InputStream cli = new BufferedInputStream(ffmpeg.getInputStream())) {
            float[] block = new float[2 * 4800];
            byte[] bytes = new byte[4 * 4800];
            int frames;
            while ((frames = javacv.read(block, 4800)) > 0) {
                int got = cli.readNBytes(bytes, 0, 4 * frames) / 2;
                ShortBuffer theirs = ByteBuffer.wrap(bytes, 0, 2 * got).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                for (int i = 0; i < 2 * frames; i++) {
                    // PcmReader's floats are the grabber's 16-bit samples over 32768: exact
                    differing += i < got && Math.round(block[i] * 32768f) == theirs.get(i) ? 0 : 1;
                }
                if (frames < 4800) {
                    break;
                }
            }
        } finally {
            ffmpeg.destroy();
        }
        return differing;
    }

    private static JsonObject deliverable(List<JsonObject> deliverables, String kind, String language) {
        return deliverables.stream().filter(d -> d.getString("kind").equals(kind)
                && language.equals(d.getString("language", null))).findFirst().orElseThrow();
    }

    /** Streams a deliverable's content to a file (a 10-minute stereo mix is 173 MB: not through a byte array). */
    private Path download(String jobId, List<JsonObject> deliverables, String kind, String language) {
        Path file = dir.resolve(language + "." + kind.toLowerCase(Locale.ROOT) + ".wav");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/jobs/" + jobId
                        + "/deliverables/" + deliverable(deliverables, kind, language).getString("id") + "/content"))
                .header("Authorization", manager.authorizationHeader()).timeout(Duration.ofMinutes(2)).GET();
        HttpResponse<Path> r = manager.send(request, HttpResponse.BodyHandlers.ofFile(file));
        assertEquals(200, r.statusCode(), kind + " of " + language);
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }
}
