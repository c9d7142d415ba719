package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.StreamInfo;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The whole pipeline on a GRID clip, English (flite) and Spanish (espeak-ng): synthesis, time-fit,
 * MIX per language, ASSEMBLE, review-ready. The delivered file is checked the way a studio's QC
 * would: picture packets bit-identical to the source, three tagged audio tracks, the duration, the
 * dub lines where their cues are, and the original ducked under them and untouched elsewhere.
 */
@ExtendWith(ArquillianExtension.class)
class DubbingPipelineIT {

    static final double CUE_END = 1.5;
    static final double CUE_START = 0.6;
    static final String EN = "WEBVTT\n\nl1\n00:00.600 --> 00:01.500\n<v ANNA>Bin blue at F two now.\n";
    static final String ES = "1\n00:00:00,600 --> 00:00:01,500\nANNA: Pon el azul en F dos ahora.\n";
    static final float DUCKED = (float) Math.pow(10, -18 / 20.0);
    static final int RATE = 48_000;

    @TempDir
    Path tmp;

    @Test
    void gridClipDubbedIntoEnglishAndSpanishIsAssembledAndReadyForReview() throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "PIPE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Pipeline\"}").statusCode());
        Path clip = Testdata.gridClips().get(1);
        String media = Api.json(manager.upload(clip, "video/mpeg")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        String anna = Fixtures.performer(agent, "Anna Pipeline");
        assertEquals(201, Fixtures.grant(agent, anna, Fixtures.evidence(agent), title, "en", "es").statusCode());
        String en = Fixtures.voice(manager, "Anna en", Fixtures.approvedModel("flite"), anna);
        String es = Fixtures.voice(manager, "Anna es", Fixtures.approvedModel("espeak-ng"), anna);
        JsonArrayBuilder targets = Json.createArrayBuilder()
                .add(target("en", "WEBVTT", EN, en)).add(target("es", "SRT", ES, es));
        HttpResponse<String> accepted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", media).add("originalLanguage", "en-GB").add("territory", "ES").add("purpose", "TEMP")
                .add("targets", targets).build().toString());
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");

        JsonObject job = awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        List<JsonObject> tasks = job.getJsonArray("tasks").getValuesAs(JsonObject.class);
        assertEquals(Map.of("SYNTHESIZE", 2L, "MIX", 2L, "CHECK", 2L, "ASSEMBLE", 1L), tasks.stream()
                .collect(Collectors.groupingBy(t -> t.getString("kind"), Collectors.counting())));
        tasks.forEach(t -> assertEquals("SUCCEEDED", t.getString("state"), t.toString()));

        List<JsonObject> deliverables = manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        assertEquals(5, deliverables.size(), deliverables.toString());
        Path programme = download(manager, jobId, only(deliverables, "PROGRAMME", null), "programme.mkv");
        HttpResponse<byte[]> head = manager.getBytes("/api/v1/jobs/" + jobId + "/deliverables/"
                + only(deliverables, "PROGRAMME", null).getString("id") + "/content", "bytes=0-3");
        assertEquals(206, head.statusCode());
        assertArrayEquals(new byte[]{0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, head.body(), "a Matroska (EBML) file");
        HttpResponse<String> unknown = manager.get("/api/v1/jobs/" + jobId + "/deliverables/" + UUID.randomUUID()
                + "/content");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        // the picture is never re-encoded
        assertEquals(MediaChecks.videoPacketHashes(clip), MediaChecks.videoPacketHashes(programme));
        MediaProbe source = new MediaProber().probe(clip);
        MediaProbe out = new MediaProber().probe(programme);
        double frame = 1.0 / source.firstVideo().orElseThrow().frameRate();
        assertEquals(source.durationSeconds(), out.durationSeconds(), frame, "within one frame of the source");
        List<StreamInfo.Audio> audio = out.audioStreams();
        assertEquals(List.of("eng", "eng", "spa"), audio.stream().map(a -> a.language().orElse("und")).toList(),
                "the original (English, as the job says), then one dub track per target");
        assertEquals(source.firstAudio().orElseThrow().codec(), audio.get(0).codec(), "original audio copied as is");

        float[] original = MediaChecks.samples(clip, "stereo", 2, (int) (source.durationSeconds() * RATE));
        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        for (String[] lang : new String[][]{{"en", "1"}, {"es", "2"}}) {
            JsonObject mix = only(deliverables, "FULL_MIX", lang[0]);
            assertEquals(List.of("NO_MNE_ORIGINAL_AUDIBLE"), mix.getJsonArray("flags").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), "stereo source, no M&E: flagged for QA");
            Path mixFile = download(manager, jobId, mix, lang[0] + ".mix.wav");
            Path stemFile = download(manager, jobId, only(deliverables, "DIALOGUE_STEM", lang[0]), lang[0] + ".stem.wav");
            assertEquals(MediaChecks.wavDataHash(mixFile), MediaChecks.audioPayloadHash(programme, Integer.parseInt(lang[1])),
                    "the " + lang[0] + " track carries the full mix sample for sample");

            JsonObject line = outputs.stream().filter(o -> tasks.stream().anyMatch(t -> t.getString("id")
                    .equals(o.getString("taskId")) && t.getString("language").equals(lang[0]))).findFirst().orElseThrow();
            JsonObject fit = line.getJsonObject("timeFit");
            assertEquals(CUE_START, fit.getJsonNumber("startSeconds").doubleValue(), 1e-6, "placed at its cue");
            double end = CUE_START + fit.getJsonNumber("fittedSeconds").doubleValue();
            assertTrue(end <= source.durationSeconds(), "fits before the programme ends: " + line);
            int from = (int) Math.round(CUE_START * RATE);
            int to = (int) Math.round(end * RATE);

            float[] stem = MediaChecks.samples(stemFile, "mono", 1, original.length / 2);
            assertTrue(rms(stem, 1, 0, from, to) > 0.01, lang[0] + ": speech inside the line's interval");
            assertEquals(0.0, rms(stem, 1, 0, 0, from), lang[0] + ": silence before the cue");
            assertEquals(0.0, rms(stem, 1, 0, to + RATE / 1000, stem.length), lang[0] + ": silence after the fitted line");

            // the mix minus the dialogue is the original: ducked by 18 dB under the line, untouched elsewhere
            float[] full = MediaChecks.samples(mixFile, "stereo", 2, original.length / 2);
            float[] bed = new float[full.length];
            for (int i = 0; i < full.length; i++) {
                bed[i] = full[i] - stem[i / 2] * 0.7071f;
            }
            int ramp = RATE / 20;
            int ducked = Math.max(to, (int) Math.round(CUE_END * RATE)); // over the line and the rest of its cue
            assertTrue(maxDiff(bed, original, 1f, 0, from - ramp) < 1e-4, lang[0] + ": untouched before the line");
            assertTrue(maxDiff(bed, original, 1f, ducked + ramp, full.length / 2) < 1e-4, lang[0] + ": untouched after it");
            assertTrue(maxDiff(bed, original, DUCKED, from, ducked - 1) < 1e-4, lang[0] + ": ducked by 18 dB under it");
            assertTrue(rms(original, 2, 0, from, to) > 1e-3, "the source has sound there to duck");
        }
        String ledger = Api.admin().get("/api/v1/audit?subject=" + jobId + "&limit=100").body();
        assertTrue(ledger.contains("\"action\":\"JOB_READY_FOR_REVIEW\""), ledger);
    }

    /**
     * A language voiced only by a dub actor has nothing to synthesize: it goes to MIX at once. With an
     * M&E stem the mix is the dialogue over the M&E, nothing ducked and nothing flagged; ORIGINAL
     * characters over an M&E need the original dialogue stem, or the submission is refused.
     */
    @Test
    void aHumanDubOverAnMneStemIsMixedWithoutSynthesis() throws Exception {
        Api manager = Api.as("manager");
        String title = "HUMAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Human\"}").statusCode());
        Path clip = Testdata.gridClips().get(2);
        String media = Api.json(manager.upload(clip, "video/mpeg")).getString("id");
        String mne = Api.json(manager.upload("mne.wav", "audio/wav", MediaChecks.toneWav(RATE, 2, 3, 110, 3000)))
                .getString("id");
        String actor = Api.json(manager.upload("actor.wav", "audio/wav", MediaChecks.toneWav(RATE, 1, 3, 330, 6000)))
                .getString("id");
        for (String id : List.of(media, mne, actor)) {
            assertEquals("READY", manager.awaitMediaDecided(id).getString("state"));
        }
        String script = "WEBVTT\n\n1\n00:00.500 --> 00:01.500\n<v BO>Bonjour.\n\n2\n00:02.000 --> 00:02.500\n<v CRIS>Oui.\n";
        JsonObject target = Json.createObjectBuilder().add("language", "fr")
                .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", script))
                .add("characters", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("character", "BO").add("approach", "HUMAN")
                                .add("dubStemMediaId", actor))
                        .add(Json.createObjectBuilder().add("character", "CRIS").add("approach", "ORIGINAL"))).build();
        Function<String, String> body = dialogue -> {
            var b = Json.createObjectBuilder().add("title", title).add("sourceMediaId", media).add("mneMediaId", mne)
                    .add("territory", "FR").add("purpose", "TEMP").add("targets", Json.createArrayBuilder().add(target));
            return (dialogue == null ? b : b.add("dialogueMediaId", dialogue)).build().toString();
        };

        String silent = Api.json(manager.upload(MediaChecks.silentVideo(tmp.resolve("silent.mp4")), "video/mp4"))
                .getString("id");
        assertEquals("READY", manager.awaitMediaDecided(silent).getString("state"));
        HttpResponse<String> nothingToMixOver = manager.post("/api/v1/jobs", body.apply(null)
                .replace(media, silent).replace(",\"mneMediaId\":\"" + mne + "\"", ""));
        assertEquals(400, nothingToMixOver.statusCode(), nothingToMixOver.body());
        assertTrue(nothingToMixOver.body().contains("has no audio stream: supply an M&E stem"), nothingToMixOver.body());

        HttpResponse<String> refused = manager.post("/api/v1/jobs", body.apply(null));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("dialogueMediaId"), refused.body());

        HttpResponse<String> wrong = manager.post("/api/v1/jobs", body.apply(media)
                .replace("\"territory\"", "\"maxTempo\":1.9,\"originalLanguage\":\"-x-\",\"territory\""));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(List.of("maxTempo", "originalLanguage"), Api.json(wrong).getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).sorted().toList(), wrong.body());

        // the source's own sound stands in for the original dialogue stem here
        HttpResponse<String> accepted = manager.post("/api/v1/jobs", body.apply(media));
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        JsonObject job = awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        assertEquals(List.of("MIX", "CHECK", "ASSEMBLE"), job.getJsonArray("tasks").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getString("kind")).sorted(java.util.Comparator.reverseOrder()).toList(), "no synthesis at all");
        List<JsonObject> deliverables = manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        JsonObject mixRecord = only(deliverables, "FULL_MIX", "fr");
        assertFalse(mixRecord.getJsonArray("flags").toString().contains("NO_MNE_ORIGINAL_AUDIBLE"),
                "over M&E nothing is ducked: " + mixRecord);
        // MIX levels the whole dialogue stem by one gain (recorded) to meet the streaming profile
        float gain = (float) Math.pow(10, mixRecord.getJsonNumber("dialogueGainDb").doubleValue() / 20);
        assertTrue(mixRecord.getString("method").startsWith("dialogue over M&E"), mixRecord.toString());

        int frames = 3 * RATE;
        float[] stem = MediaChecks.samples(download(manager, jobId, only(deliverables, "DIALOGUE_STEM", "fr"), "fr.stem.wav"),
                "mono", 1, frames);
        float[] mix = MediaChecks.samples(download(manager, jobId, mixRecord, "fr.mix.wav"), "stereo", 2, frames);
        Path programme = download(manager, jobId, only(deliverables, "PROGRAMME", null), "p.mkv");
        float[] mneSamples = new float[2 * frames];
        float[] actorSamples = new float[frames];
        for (int i = 0; i < frames; i++) {
            mneSamples[2 * i] = mneSamples[2 * i + 1] = (float) (3000 * Math.sin(2 * Math.PI * 110 * i / RATE) / 32768);
            actorSamples[i] = (float) (6000 * Math.sin(2 * Math.PI * 330 * i / RATE) / 32768);
        }
        float[] originalDialogue = MediaChecks.samples(clip, "mono", 1, frames);
        int cris = 2 * RATE;
        int fade = RATE / 100;
        for (int i = 0; i < frames; i += 97) {
            boolean original = i >= cris && i < cris + RATE / 2;
            if (!original && i >= cris - fade && i < cris + RATE / 2 + fade) {
                continue; // the 10 ms fades around CRIS's line
            }
            float expected = gain * (actorSamples[i] + (original ? originalDialogue[i] : 0f));
            assertEquals(expected, stem[i], 1e-3, "dialogue stem at sample " + i + ": the actor's whole stem"
                    + (original ? " and CRIS's original line" : "") + ", levelled by the recorded gain");
            assertEquals(mneSamples[2 * i] + 0.7071f * stem[i], mix[2 * i], 1e-3, "M&E plus the dialogue at " + i);
        }
        assertEquals(List.of("und", "fre"), new MediaProber().probe(programme).audioStreams().stream()
                .map(a -> a.language().orElse("und")).toList());
        assertEquals(MediaChecks.videoPacketHashes(clip), MediaChecks.videoPacketHashes(programme));
    }

    private static JsonObject only(List<JsonObject> deliverables, String kind, String language) {
        List<JsonObject> found = deliverables.stream().filter(d -> d.getString("kind").equals(kind)
                && java.util.Objects.equals(language, d.containsKey("language") && !d.isNull("language")
                ? d.getString("language") : null)).toList();
        assertEquals(1, found.size(), kind + " " + language + " in " + deliverables);
        return found.get(0);
    }

    private Path download(Api api, String jobId, JsonObject deliverable, String name) throws Exception {
        HttpResponse<byte[]> r = api.getBytes("/api/v1/jobs/" + jobId + "/deliverables/" + deliverable.getString("id")
                + "/content", null);
        assertEquals(200, r.statusCode());
        assertEquals(deliverable.getJsonNumber("sizeBytes").longValue(), r.body().length);
        return Files.write(tmp.resolve(name), r.body());
    }

    /** RMS of one channel over frames [from, to). */
    static double rms(float[] s, int channels, int channel, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = Math.max(0, from); i < Math.min(to, s.length / channels); i++, n++) {
            double v = s[i * channels + channel];
            sum += v * v;
        }
        return n == 0 ? 0 : Math.sqrt(sum / n);
    }

    /** The largest difference between {@code a} and {@code gain * b} over frames [from, to), both stereo. */
    static double maxDiff(float[] a, float[] b, float gain, int from, int to) {
        double max = 0;
        for (int i = Math.max(0, from) * 2; i < Math.min(to * 2, Math.min(a.length, b.length)); i++) {
            max = Math.max(max, Math.abs(a[i] - gain * b[i]));
        }
        return max;
    }

    static JsonObject awaitReview(Api manager, String jobId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        JsonObject job = null;
        while (System.nanoTime() < deadline) {
            job = Api.json(manager.get("/api/v1/jobs/" + jobId));
            if (List.of("IN_REVIEW", "FAILED", "BLOCKED", "CANCELLED").contains(job.getString("state"))) {
                return job;
            }
            Thread.sleep(250);
        }
        return fail("not in review after 180 s: " + job);
    }

    private static JsonObject target(String language, String format, String script, String voice) {
        return Json.createObjectBuilder().add("language", language)
                .add("script", Json.createObjectBuilder().add("format", format).add("text", script))
                .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("character", "ANNA")
                        .add("approach", "SYNTHETIC").add("voiceId", voice))).build();
    }

}
