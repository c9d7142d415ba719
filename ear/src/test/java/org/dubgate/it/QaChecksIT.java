package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Automatic QA on the real server: a GRID clip dubbed into English (flite) and Spanish (espeak-ng)
 * under the streaming profile. Every full mix is measured here independently — FFmpeg's own
 * {@code ebur128} filter (the CLI) over the script's cues — and must be within −27 ±2 LUFS with its
 * true peak under −2 dBTP. Two lines are made bad on purpose and must be flagged with their figure:
 * an English line the engine reads as something else than its text says (digits read out as
 * words: the recognizer hears other words), and a Spanish line spoken by a voice at twice the rate
 * (far too short for its text). The clean lines are not flagged.
 */
@ExtendWith(ArquillianExtension.class)
class QaChecksIT {

    private static final String EN = "WEBVTT\n\nclean\n00:00.100 --> 00:01.400\n<v ANNA>The quick brown fox.\n\n"
            + "digits\n00:01.500 --> 00:02.950\n<v BO>Call me at 555 0199 before 10 tonight.\n";
    private static final String ES = "WEBVTT\n\nlimpia\n00:00.100 --> 00:01.400\n<v ANNA>Pon el azul.\n\n"
            + "rapida\n00:01.500 --> 00:02.950\n<v BO>Pon el azul en la fila dos ahora mismo.\n";
    private static final double[][] CUES = {{0.1, 1.4}, {1.5, 2.95}};

    @TempDir
    Path tmp;

    @Test
    void gridClipMixesMeetTheStreamingProfileAndBadLinesAreFlaggedWithTheirFigures() throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "QA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"QA\"}").statusCode());
        String media = Api.json(manager.upload(Testdata.gridClips().get(0), "video/mpeg")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        String anna = Fixtures.performer(agent, "Anna QA");
        String bo = Fixtures.performer(agent, "Bo QA");
        for (String p : List.of(anna, bo)) {
            assertEquals(201, Fixtures.grant(agent, p, Fixtures.evidence(agent), title, "en", "es").statusCode());
        }
        String flite = Fixtures.approvedModel("flite");
        String espeak = Fixtures.approvedModel("espeak-ng");
        Map<String, String> voices = Map.of(
                "en/ANNA", Fixtures.voice(manager, "Anna en " + title, flite, anna),
                "en/BO", Fixtures.voice(manager, "Bo en " + title, flite, bo),
                "es/ANNA", Fixtures.voice(manager, "Anna es " + title, espeak, anna),
                "es/BO", fastVoice(manager, "Bo es " + title, espeak, bo));
        JsonArrayBuilder targetList = Json.createArrayBuilder();
        for (String[] t : new String[][]{{"en", EN}, {"es", ES}}) {
            targetList.add(Json.createObjectBuilder().add("language", t[0])
                    .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", t[1]))
                    .add("characters", Json.createArrayBuilder()
                            .add(character("ANNA", voices.get(t[0] + "/ANNA")))
                            .add(character("BO", voices.get(t[0] + "/BO")))));
        }
        jakarta.json.JsonArray targets = targetList.build();
        var body = Json.createObjectBuilder().add("title", title).add("sourceMediaId", media).add("territory", "ES")
                .add("targets", targets);

        // bad input: a profile that does not exist, a target out of range
        HttpResponse<String> wrong = manager.post("/api/v1/jobs", body.add("delivery", Json.createObjectBuilder()
                .add("profile", "NETFLIX").add("truePeakDbtp", 3)).build().toString());
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(List.of("delivery.profile", "delivery.truePeakDbtp"), Api.json(wrong).getJsonArray("errors")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).sorted().toList());

        var accepted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", media).add("territory", "ES").add("targets", targets)
                .add("delivery", Json.createObjectBuilder().add("profile", "STREAMING")).build().toString());
        assertEquals(201, accepted.statusCode(), accepted.body());
        String jobId = Api.json(accepted).getString("id");
        assertEquals("STREAMING", Api.json(accepted).getJsonObject("delivery").getString("profile"), accepted.body());
        assertEquals(-27, Api.json(accepted).getJsonObject("delivery").getJsonNumber("loudnessLufs").doubleValue());
        JsonObject job = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        assertEquals(2, Dubbing.tasks(job).stream().filter(t -> t.getString("kind").equals("CHECK")
                && t.getString("state").equals("SUCCEEDED")).count(), "one CHECK per language: " + job);

        List<JsonObject> checks = manager.all("/api/v1/jobs/" + jobId + "/checks");
        List<JsonObject> outputs = manager.all("/api/v1/jobs/" + jobId + "/outputs");
        System.out.println("QaChecksIT checks:\n" + checks.stream().map(c -> String.format(Locale.ROOT,
                "  %s %-8s %-26s %-7s %s %s (%s) %s", c.getString("language"),
                java.util.Objects.requireNonNullElse(opt(c, "cueId"), "-"), c.getString("check"), c.getString("verdict"),
                c.containsKey("figure") ? c.getJsonNumber("figure").toString() : "null", c.getString("unit"),
                java.util.Objects.requireNonNullElse(opt(c, "threshold"), ""), java.util.Objects.requireNonNullElse(opt(c, "detail"), "")))
                .collect(Collectors.joining("\n")));

        // the bad lines, flagged with their figures
        JsonObject heard = one(checks, "en", "digits", "SCRIPT_CONFORMANCE");
        assertEquals("FLAGGED", heard.getString("verdict"), heard.toString());
        assertTrue(heard.getJsonNumber("figure").doubleValue() > 0.5, heard.toString());
        JsonObject blip = one(checks, "es", "rapida", "LINE_TOO_SHORT");
        assertEquals("FLAGGED", blip.getString("verdict"), blip.toString());
        assertTrue(blip.getJsonNumber("figure").doubleValue() > 20, blip.toString());
        // the clean lines pass every check
        for (String[] clean : new String[][]{{"en", "clean"}, {"es", "limpia"}}) {
            List<JsonObject> ofLine = checks.stream().filter(c -> clean[1].equals(opt(c, "cueId"))).toList();
            assertTrue(ofLine.size() >= 6, ofLine.toString());
            ofLine.forEach(c -> assertEquals("PASSED", c.getString("verdict"), c.toString()));
        }
        assertEquals("PASSED", one(checks, "en", "clean", "SCRIPT_CONFORMANCE").getString("verdict"));
        // flagged lines carry the flag, beside their checks on the outputs page
        JsonObject digits = outputs.stream().filter(o -> o.getString("cueId").equals("digits")).findFirst().orElseThrow();
        assertTrue(digits.getJsonArray("flags").toString().contains("SCRIPT_CONFORMANCE"), digits.toString());
        assertTrue(digits.getJsonArray("checks").size() >= 7, digits.toString());
        JsonObject cleanLine = outputs.stream().filter(o -> o.getString("cueId").equals("clean")).findFirst().orElseThrow();
        assertTrue(cleanLine.getJsonArray("flags").isEmpty(), cleanLine.toString());
        // the verdict filter
        List<JsonObject> flagged = manager.all("/api/v1/jobs/" + jobId + "/checks?verdict=FLAGGED");
        assertFalse(flagged.isEmpty());
        flagged.forEach(c -> assertEquals("FLAGGED", c.getString("verdict")));
        assertEquals(checks.stream().filter(c -> c.getString("verdict").equals("FLAGGED")).count(), flagged.size());
        HttpResponse<String> badFilter = manager.get("/api/v1/jobs/" + jobId + "/checks?verdict=BAD");
        assertEquals(400, badFilter.statusCode());
        assertTrue(badFilter.body().contains("verdict"), badFilter.body());

        // every full mix, measured independently with FFmpeg over the script's cues: within the profile
        List<JsonObject> deliverables = manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        for (String language : List.of("en", "es")) {
            JsonObject mix = deliverables.stream().filter(d -> d.getString("kind").equals("FULL_MIX")
                    && language.equals(d.getString("language"))).findFirst().orElseThrow();
            assertNotNull(mix.get("dialogueGainDb"), "MIX records the gain it applied: " + mix);
            HttpResponse<byte[]> r = manager.getBytes("/api/v1/jobs/" + jobId + "/deliverables/" + mix.getString("id")
                    + "/content", null);
            Path file = Files.write(tmp.resolve(language + ".mix.wav"), r.body());
            double[] ffmpeg = ebur128(file);
            System.out.printf(Locale.ROOT, "QaChecksIT %s full mix, ffmpeg ebur128 over the cues: %.1f LUFS, true peak "
                    + "%.1f dBTP; MIX gain %s dB%n", language, ffmpeg[0], ffmpeg[1], mix.get("dialogueGainDb"));
            assertEquals(-27, ffmpeg[0], 2.0, language + " dialogue-gated loudness within -27 +-2");
            assertTrue(ffmpeg[1] <= -2.0, language + " true peak under -2 dBTP: " + ffmpeg[1]);
            JsonObject ours = one(checks, language, null, "DIALOGUE_LOUDNESS");
            assertEquals("PASSED", ours.getString("verdict"), ours.toString());
            assertEquals(ffmpeg[0], ours.getJsonNumber("figure").doubleValue(), 0.5, "our meter agrees with FFmpeg's");
            assertEquals("PASSED", one(checks, language, null, "TRUE_PEAK").getString("verdict"));
            assertEquals("PASSED", one(checks, language, null, "PROGRAMME_DURATION").getString("verdict"));
            assertEquals("FLAGGED", one(checks, language, null, "NO_MNE_ORIGINAL_AUDIBLE").getString("verdict"),
                    "a GRID clip has no M&E: the original stays audible");
        }
    }

    /** A string field, or null when left out (JSON-B leaves out null fields). */
    private static String opt(JsonObject o, String key) {
        return o.containsKey(key) && !o.isNull(key) ? o.getString(key) : null;
    }

    private static JsonObject character(String name, String voice) {
        return Json.createObjectBuilder().add("character", name).add("approach", "SYNTHETIC").add("voiceId", voice).build();
    }

    private static String fastVoice(Api manager, String name, String model, String performer) {
        HttpResponse<String> r = manager.post("/api/v1/voices", "{\"name\":\"" + name + "\",\"modelId\":\"" + model
                + "\",\"performerId\":\"" + performer + "\",\"ratePercent\":200}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    private static JsonObject one(List<JsonObject> checks, String language, String cueId, String check) {
        List<JsonObject> found = checks.stream().filter(c -> c.getString("language").equals(language)
                && c.getString("check").equals(check)
                && java.util.Objects.equals(cueId, opt(c, "cueId"))).toList();
        assertEquals(1, found.size(), check + " of " + language + "/" + cueId + " in " + checks);
        return found.get(0);
    }

    /** Integrated loudness and true peak of the audio inside the cues, by the FFmpeg CLI's ebur128 filter. */
    private static double[] ebur128(Path file) throws Exception {
        String select = java.util.Arrays.stream(CUES).map(c -> String.format(Locale.ROOT, "between(t,%.3f,%.3f)", c[0],
                c[1])).collect(Collectors.joining("+"));
        Process p = new ProcessBuilder("ffmpeg", "-nostats", "-hide_banner", "-i", file.toString(), "-af",
                "asetnsamples=n=480,aselect='" + select + "',asetpts=N/SR/TB,ebur128=peak=true", "-f", "null", "-")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String summary = out.substring(out.lastIndexOf("Summary:"));
        Matcher i = Pattern.compile("I:\\s+(-?[\\d.]+) LUFS").matcher(summary);
        Matcher peak = Pattern.compile("True peak:\\s+Peak:\\s+(-?[\\d.]+|-inf) dBFS").matcher(summary);
        assertTrue(i.find() && peak.find(), summary);
        return new double[]{Double.parseDouble(i.group(1)), Double.parseDouble(peak.group(1))};
    }
}
