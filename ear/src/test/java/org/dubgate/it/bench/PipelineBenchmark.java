package org.dubgate.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.dubgate.it.Api;
import org.dubgate.it.Fixtures;
import org.dubgate.it.ProgressStream;
import org.dubgate.media.mix.ProgrammeMix;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dubbing pipeline on a generated 10-minute source (FFmpeg test picture + speech), 150 cues in
 * English (flite) and Spanish (espeak-ng), through the real server against {@code bench/cli-pipeline.sh}
 * doing the same work with the engine CLIs, ffmpeg and sox, alternating in one run: the first job after
 * the server started (cold), the script, then three pairs of a server job and the script. Reports the
 * wall times and their ratios (medians), the server's peak resident memory during each job, where the
 * server's time went (task times as sums and as unions, so parallel workers never make a share
 * negative), and whether the two made the same lines, stems and mixes. Then ASSEMBLE's mux against
 * the FFmpeg CLI, and the media stages' heap for 10 and 60 minutes ({@link MediaStagesHeap}).
 *
 * <p>The server's workers are read off its own command line ({@code -Ddubgate.workers}); the script
 * runs at {@code -Ddubgate.bench.cli-parallelism} (default: the same number). The script does no QA: run
 * with {@code -Ddubgate.qa.recognize-english=false} (bench/pipeline.sh does) so CHECK does not run the
 * English recognizer; CHECK's audio QA stays in the server's time, and the ratio without the time CHECK
 * ran alone is shown beside it. Writes {@code target/benchmarks/pipeline.txt} (or
 * {@code -Ddubgate.bench.report}); the sources come from {@code bench/pipeline.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class PipelineBenchmark {

    private static final int CUES = 150;
    private static final double SPACING = 4.0;
    private static final double CUE_LENGTH = 2.8;
    private static final int WARM_PAIRS = 3;
    private static final String[] LINES_EN = {
            "We have to leave before the storm reaches the harbour.", "Nobody told me the bridge was closed.",
            "Bring the blue folder and the keys.", "I saw her at the station this morning.",
            "If the lights go out, wait for my signal.", "That is not what we agreed on.",
            "Put the boxes by the door, please.", "The last train leaves at eleven."};
    private static final String[] LINES_ES = {
            "Tenemos que salir antes de que la tormenta llegue al puerto.", "Nadie me dijo que el puente estaba cerrado.",
            "Trae la carpeta azul y las llaves.", "La vi en la estación esta mañana.",
            "Si se va la luz, espera mi señal.", "Eso no es lo que acordamos.",
            "Deja las cajas junto a la puerta, por favor.", "El último tren sale a las once."};
    /** Each language's voice as the server's engines speak it by default, and its track tag in the programme. */
    private static final Map<String, CliPipeline.Voice> VOICES = voices();

    private static Map<String, CliPipeline.Voice> voices() {
        Map<String, CliPipeline.Voice> v = new LinkedHashMap<>();
        v.put("en", new CliPipeline.Voice("flite", "slt", 100, 100, "eng"));
        v.put("es", new CliPipeline.Voice("espeak-ng", "es", 100, 100, "spa"));
        return v;
    }

    /** One server job: the job as it ended, where its time went, and the server's peak memory meanwhile. */
    record ServerJob(JsonObject job, List<JsonObject> outputs, JobTimes times, BenchedServer.Peak rss) {
    }

    @Test
    void tenMinutes150CuesTwoLanguages() throws Exception {
        Path media = Path.of(System.getProperty("dubgate.bench.media", "target/benchmarks/media")).toAbsolutePath();
        Path out = Path.of(System.getProperty("dubgate.bench.dir", "target/benchmarks")).toAbsolutePath();
        Path work = Files.createDirectories(out.resolve("pipeline-work"));
        Path source = media.resolve("source-10min.mp4");
        Path serverDir = Path.of(System.getProperty("dubgate.it.server-dir"));
        BenchedServer server = BenchedServer.current();
        String workers = server.property("dubgate.workers").orElse(null);
        String asked = System.getProperty("dubgate.bench.workers");
        if (asked != null) {
            assertEquals(asked, workers, "the server was not started with the workers the benchmark was asked for");
        }
        int parallelism = Integer.getInteger("dubgate.bench.cli-parallelism", workers == null ? 1 : Integer.parseInt(workers));
        String workersLabel = workers == null ? "workers as deployed (no -Ddubgate.workers)"
                : workers + (workers.equals("1") ? " worker" : " workers");
        boolean recognizer = Boolean.parseBoolean(server.property("dubgate.qa.recognize-english").orElse("true"));
        boolean warmedUp = BenchedServer.awaitWarmUp(serverDir, Duration.ofMinutes(2));

        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Bench\"}").statusCode());
        String mediaId = Api.json(manager.upload(source, "video/mp4")).getString("id");
        JsonObject probed = manager.awaitMediaDecided(mediaId);
        assertEquals("READY", probed.getString("state"));
        long lengthNs = Math.round(probed.getJsonNumber("durationSeconds").doubleValue() * 1e9);
        String performer = Fixtures.performer(agent, "Bench Voice");
        assertEquals(201, Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "en", "es").statusCode());
        Map<String, String> voiceIds = Map.of(
                "en", Fixtures.voice(manager, "bench en", Fixtures.approvedModel("flite"), performer),
                "es", Fixtures.voice(manager, "bench es", Fixtures.approvedModel("espeak-ng"), performer));

        // --- alternating: the first job after the start, the script, then pairs of a server job and the script
        CliPipeline cli = new CliPipeline(Path.of(System.getProperty("dubgate.bench.cli-script", "../bench/cli-pipeline.sh"))
                .toAbsolutePath().normalize(), work.resolve("cli"), parallelism);
        ServerJob cold = dub(manager, server, title, mediaId, voiceIds);
        JsonObject delivery = cold.job().getJsonObject("delivery");
        // the script levels as MIX does for this profile: the dialogue over the cues (they cover 70 % of the
        // programme) at a fixed target beside the ducked original; a profile measuring otherwise is not modelled
        assertEquals("STREAMING", delivery.getString("profile"), "the script levels as the streaming profile does");
        assertEquals(false, delivery.getBoolean("matchOriginalDialogue"), "the script levels to a fixed target");
        double targetLufs = delivery.getJsonNumber("loudnessLufs").doubleValue();
        Map<String, List<CliPipeline.Cue>> cues = cues(cold);
        cli.writePlan(new CliPipeline.Programme(source, lengthNs, cold.job().getJsonNumber("maxTempo").doubleValue(),
                targetLufs, delivery.getJsonNumber("truePeakDbtp").doubleValue(), ProgrammeMix.DUCK_DB), VOICES, cues);
        List<CliPipeline.Run> clis = new ArrayList<>(List.of(cli.run()));
        List<ServerJob> warm = new ArrayList<>();
        for (int i = 0; i < WARM_PAIRS; i++) {
            warm.add(dub(manager, server, title, mediaId, voiceIds));
            clis.add(cli.run());
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "dubbing pipeline benchmark, %s, %d cores: the server (%s) against bench/cli-pipeline.sh (P = %d)%n",
                Instant.now(), Runtime.getRuntime().availableProcessors(), workersLabel, parallelism));
        report.append(recognizer ? "  CHECK ran the English recognizer (0.2-0.45 s a line): not comparable, the script does no QA\n"
                : "  CHECK without the English recognizer (-Ddubgate.qa.recognize-english=false); its audio QA stays in the\n"
                + "  server's time (the script does no QA), and the ratio with the time CHECK ran alone left out is beside it\n");
        report.append(warmedUp ? "  the server log said the warm-up at deploy had ended before the first job\n"
                : "  no \"warm-up done\" in the server log within 2 minutes: the first job ran without waiting for it\n");
        report.append(Ratios.table(cold, warm, clis, parallelism == 1 && "1".equals(workers)
                ? "<= 1.10 (1 worker vs 1 process)" : "<= 1.15 (workers = cores vs the script at the same P)"));
        report.append(cold.times().report("first job after the server started (cold)", workersLabel));
        ServerJob median = Ratios.medianByWall(warm);
        report.append(median.times().report(String.format(Locale.ROOT, "warm, the median of %d", WARM_PAIRS), workersLabel));
        report.append(Ratios.steps(Ratios.medianBySeconds(clis.subList(1, clis.size())), parallelism));

        // --- the same work: the last pair's lines, stems and mixes (its files are still there)
        ServerJob last = warm.get(warm.size() - 1);
        Equivalence same = new Equivalence(manager, cli, source, lengthNs, cues, work.resolve("server-files"));
        report.append(same.report(last.job(), last.outputs(), targetLufs));
        if (Boolean.parseBoolean(System.getProperty("dubgate.bench.mux", "true"))) {
            report.append(same.muxAgainstCli(work));
        }
        if (Boolean.parseBoolean(System.getProperty("dubgate.bench.heap", "true"))) {
            report.append(MediaStagesHeap.measure(media, work, CUES, SPACING, LINES_ES));
        }
        Path file = Path.of(System.getProperty("dubgate.bench.report", out.resolve("pipeline.txt").toString()));
        Files.writeString(file, report);
        System.out.print(report);
    }

    /** Submits a job of {@link #CUES} cues per language, waits until it is in review, and reads how it went. */
    private static ServerJob dub(Api manager, BenchedServer server, String title, String mediaId,
                                 Map<String, String> voiceIds) throws InterruptedException {
        JsonArrayBuilder targets = Json.createArrayBuilder()
                .add(target("en", script(LINES_EN), voiceIds.get("en")))
                .add(target("es", script(LINES_ES), voiceIds.get("es")));
        BenchedServer.Watch memory = server.watchMemory();
        HttpResponse<String> accepted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", mediaId).add("territory", "ES").add("purpose", "TEMP").add("targets", targets)
                .build().toString());
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        // followed over its progress stream, pushed as it commits: a poll would cost the 2-core machine CPU the job needs
        List<ProgressStream.Event> events = ProgressStream.read(manager, jobId, null, Duration.ofMinutes(30));
        assertTrue(ProgressStream.ended(events), "job " + jobId + ": its progress stream closed before the job's end");
        BenchedServer.Peak rss = memory.peakBytes();
        JsonObject job = Api.json(manager.get("/api/v1/jobs/" + jobId));
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        return new ServerJob(job, outputs, JobTimes.of(job, outputs), rss);
    }

    /** The cues the server was given, per language, with the text each line spoke (the server's own word for it). */
    private static Map<String, List<CliPipeline.Cue>> cues(ServerJob job) {
        Map<String, String> languageOfTask = new LinkedHashMap<>();
        job.job().getJsonArray("tasks").getValuesAs(JsonObject.class)
                .forEach(t -> languageOfTask.put(t.getString("id"), t.getString("language", "")));
        Map<String, String> spoken = new LinkedHashMap<>();
        for (JsonObject o : job.outputs()) {
            if (!o.getBoolean("superseded") && !o.isNull("text")) {
                spoken.put(languageOfTask.get(o.getString("taskId")) + "/" + o.getString("cueId"), o.getString("text"));
            }
        }
        Map<String, List<CliPipeline.Cue>> cues = new LinkedHashMap<>();
        for (String language : VOICES.keySet()) {
            String[] lines = language.equals("en") ? LINES_EN : LINES_ES;
            List<CliPipeline.Cue> list = new ArrayList<>();
            for (int i = 0; i < CUES; i++) {
                double start = 1.0 + i * SPACING;
                list.add(new CliPipeline.Cue("c" + i, "NARRATOR", millis(start) * 1_000_000L,
                        millis(start + CUE_LENGTH) * 1_000_000L,
                        spoken.getOrDefault(language + "/c" + i, lines[i % lines.length])));
            }
            cues.put(language, list);
        }
        return cues;
    }

    private static String script(String[] lines) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < CUES; i++) {
            double start = 1.0 + i * SPACING;
            s.append("c").append(i).append('\n').append(ts(start)).append(" --> ").append(ts(start + CUE_LENGTH))
                    .append("\n<v NARRATOR>").append(lines[i % lines.length]).append("\n\n");
        }
        return s.toString();
    }

    /** A cue time as the script gives it, to the millisecond. */
    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    private static String ts(double seconds) {
        long ms = millis(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static JsonObject target(String language, String script, String voice) {
        return Json.createObjectBuilder().add("language", language)
                .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", script))
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("character", "NARRATOR")
                        .add("approach", "SYNTHETIC").add("voiceId", voice))).build();
    }
}
