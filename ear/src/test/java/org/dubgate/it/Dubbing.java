package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

import java.net.http.HttpResponse;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dubbing setup as a studio makes one through the API — a title, a performer with a grant, a voice
 * on an installed engine — and the jobs the pipeline tests submit and follow.
 */
public final class Dubbing {

    public final Api manager = Api.as("manager");
    public final Api agent = Api.as("agent");
    public final String title = "DUB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    /** Voice id per language. */
    public final Map<String, String> voices;

    /** A title, and a voice per language (espeak-ng for "es", flite for "en") of one performer who consented to both. */
    public Dubbing(String... languages) {
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Pipeline\"}").statusCode());
        String performer = Fixtures.performer(agent, "Voice " + title);
        assertEquals(201, Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, languages).statusCode());
        java.util.Map<String, String> v = new java.util.LinkedHashMap<>();
        for (String language : languages) {
            String engine = language.startsWith("en") ? "flite" : "espeak-ng";
            v.put(language, Fixtures.voice(manager, title + " " + language, Fixtures.approvedModel(engine), performer));
        }
        voices = Map.copyOf(v);
    }

    /** Uploads and waits until READY; returns the media record. */
    public JsonObject upload(String name, String type, byte[] bytes) {
        JsonObject m = Api.json(manager.upload(name, type, bytes));
        JsonObject decided = manager.awaitMediaDecided(m.getString("id"));
        assertEquals("READY", decided.getString("state"), decided.toString());
        return decided;
    }

    /** A WEBVTT script: {@code count} cues of NARRATOR, each {@code slotMillis} long, one every {@code everyMillis}. */
    public static String script(int count, long everyMillis, long slotMillis, String text) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < count; i++) {
            s.append("c").append(i).append('\n').append(ts(i * everyMillis)).append(" --> ")
                    .append(ts(i * everyMillis + slotMillis)).append("\n<v NARRATOR>").append(text.replace("#", "" + i))
                    .append("\n\n");
        }
        return s.toString();
    }

    private static String ts(long millis) {
        return String.format("%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60, millis / 1000 % 60,
                millis % 1000);
    }

    /** Submits a job of one SYNTHETIC narrator per language with these scripts; returns its id. */
    public String submit(String sourceMediaId, Map<String, String> scripts, String mneMediaId) {
        JsonArrayBuilder targets = Json.createArrayBuilder();
        scripts.forEach((language, text) -> targets.add(Json.createObjectBuilder().add("language", language)
                .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", text))
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("character", "NARRATOR")
                        .add("approach", "SYNTHETIC").add("voiceId", voices.get(language))))));
        var body = Json.createObjectBuilder().add("title", title).add("sourceMediaId", sourceMediaId)
                .add("territory", "ES").add("purpose", "TEMP").add("targets", targets);
        if (mneMediaId != null) {
            body.add("mneMediaId", mneMediaId);
        }
        HttpResponse<String> r = manager.post("/api/v1/jobs", body.build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    public JsonObject job(String jobId) {
        return Api.json(manager.get("/api/v1/jobs/" + jobId));
    }

    /** Waits until the job no longer runs work (IN_REVIEW, FAILED, BLOCKED, CANCELLED) and returns it. */
    public JsonObject awaitSettled(String jobId, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> job(jobId),
                j -> !List.of("QUEUED", "RUNNING").contains(j.getString("state")));
    }

    /** Waits, polling fast, until a task of this kind runs; returns the job as it was then. */
    public JsonObject awaitRunning(String jobId, String kind, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(40)).until(() -> job(jobId),
                running(kind));
    }

    static Predicate<JsonObject> running(String kind) {
        return j -> tasks(j).stream().anyMatch(t -> t.getString("kind").equals(kind)
                && t.getString("state").equals("RUNNING"));
    }

    public static List<JsonObject> tasks(JsonObject job) {
        return job.getJsonArray("tasks").getValuesAs(JsonObject.class);
    }

    /**
     * A long, silent FLAC: a source whose MIX and ASSEMBLE take seconds (so a test can act while they
     * run) yet whose upload is small.
     */
    public static Path silentFlac(Path out, int seconds) throws Exception {
        int rate = 16_000;
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 1)) {
            r.setFormat("flac");
            r.setSampleRate(rate);
            r.setAudioCodec(org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC);
            r.start();
            ShortBuffer block = ShortBuffer.allocate(rate);
            for (int s = 0; s < seconds; s++) {
                block.clear();
                r.recordSamples(rate, 1, block);
            }
        }
        return out;
    }
}
