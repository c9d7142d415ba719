package org.dubgate.it;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dubgate.media.lipsync.MouthWarp;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lip-sync (visual ADR) on the real server, on a GRID clip whose speaker is dubbed into Spanish by
 * espeak-ng with the on-screen mouth re-drawn by the weight-free engine: refused (409 naming the
 * LIP_SYNC use) without the on-screen performer's own grant although the voice is cleared; with it,
 * the Spanish programme's picture is the source's bit for bit outside the GOPs around the shot, and
 * inside the shot differs in the mouth region only; the shot is a review item whose sync with the dub
 * improved; the delivery's manifest lists the altered span with its region, model and grant; revoking
 * the grant recalls the delivery and withholds the altered picture.
 */
@ExtendWith(ArquillianExtension.class)
class LipSyncIT {

    /** ANNA speaks on the reel's second clip only: the first three seconds stay the source's, bit for bit. */
    private static final String ES = "WEBVTT\n\nuno\n00:03.400 --> 00:05.600\n<v ANNA>Pon el azul en la efe dos ahora.\n";

    @TempDir
    Path tmp;

    @Test
    void anOnScreenMouthIsReDrawnOnlyUnderItsPerformersOwnGrantReviewedLabelledAndWithdrawnOnRevocation()
            throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        Api qa = Api.as("qa");
        String title = "LS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Lip-sync\"}").statusCode());
        Path clip = reel(Testdata.gridClips().subList(0, 2), tmp.resolve("reel.mkv"));
        String media = Api.json(manager.upload(clip, "video/x-matroska")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        // the dubbing voice's performer, cleared for synthesis; the performer seen on screen, not yet for lip-sync
        String voicePerformer = Fixtures.performer(agent, "Ana Voz " + title);
        assertEquals(201, grant(agent, voicePerformer, "VOICE_SYNTHESIS", title).statusCode());
        String onScreen = Fixtures.performer(agent, "Grid Speaker " + title);
        String voice = Fixtures.voice(manager, "Ana es " + title, Fixtures.approvedModel("espeak-ng"), voicePerformer);
        String lipModel = lipSyncModel(tmp.resolve("mouth-warp.json"));
        String job = Json.createObjectBuilder().add("title", title).add("sourceMediaId", media).add("territory", "ES")
                .add("originalLanguage", "en").add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("language", "es").add("script", Json.createObjectBuilder().add("format", "WEBVTT")
                                .add("text", ES))
                        .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("character", "ANNA").add("approach", "SYNTHETIC").add("voiceId", voice)
                                .add("lipSync", Json.createObjectBuilder().add("onScreenPerformerId", onScreen)
                                        .add("modelId", lipModel))))))
                .build().toString();

        // R1: the voice is cleared, the on-screen performance is not
        HttpResponse<String> refused = manager.post("/api/v1/jobs", job);
        assertEquals(409, refused.statusCode(), refused.body());
        List<JsonObject> violations = Api.json(refused).getJsonArray("violations").getValuesAs(JsonObject.class);
        assertFalse(violations.isEmpty(), refused.body());
        for (JsonObject v : violations) {
            assertEquals("LIP_SYNC", v.getString("use"), "only the lip-sync use is refused: " + refused.body());
            assertEquals(onScreen, v.getString("performerId"), refused.body());
        }
        assertTrue(refused.body().contains("Grid Speaker"), "the refusal names the on-screen performer: " + refused.body());

        String lipGrant = Api.json(grant(agent, onScreen, "LIP_SYNC", title)).getString("id");
        HttpResponse<String> submitted = manager.post("/api/v1/jobs", job);
        assertEquals(201, submitted.statusCode(), submitted.body());
        String jobId = Api.json(submitted).getString("id");
        JsonObject done = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", done.getString("state"), done.toString());
        JsonObject lipTask = Dubbing.tasks(done).stream().filter(t -> t.getString("kind").equals("LIP_SYNC"))
                .findFirst().orElseThrow(() -> new AssertionError("no LIP_SYNC task: " + done));
        assertEquals("SUCCEEDED", lipTask.getString("state"));
        assertEquals("es", lipTask.getString("language"));

        // the shot is a review item: its region, its sync with the dub before and after, a before|after still
        List<JsonObject> items = qa.all("/api/v1/review-items?job=" + jobId);
        JsonObject shotItem = items.stream().filter(i -> i.getString("kind").equals("SHOT")).findFirst()
                .orElseThrow(() -> new AssertionError("no SHOT item: " + items));
        JsonObject shot = shotItem.getJsonObject("shot");
        System.out.println("LipSyncIT: shot " + shot);
        assertEquals("ANNA", shotItem.getString("character"));
        assertTrue(shotItem.getJsonArray("flags").toString().contains("LIP_SYNC"), shotItem.toString());
        assertEquals(lipGrant, shotItem.getString("grantId"));
        assertEquals(lipModel, shotItem.getJsonObject("model").getString("id"));
        double before = shot.getJsonNumber("syncBefore").doubleValue();
        double after = shot.getJsonNumber("syncAfter").doubleValue();
        assertTrue(after > before, "the re-drawn mouth moves with the dub better than the original: " + shot);
        HttpResponse<byte[]> still = qa.getBytes(shotItem.getJsonObject("links").getString("still"), null);
        assertEquals(200, still.statusCode());
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(still.body(), 4));

        // the Spanish programme: the picture outside the re-encoded GOPs is the source's, bit for bit; inside the
        // shot only the mouth region changed
        JsonObject esProgramme = manager.all("/api/v1/jobs/" + jobId + "/deliverables").stream()
                .filter(d -> d.getString("kind").equals("PROGRAMME") && "es".equals(d.getString("language", null)))
                .findFirst().orElseThrow();
        Path programme = Files.write(tmp.resolve("es-programme.mkv"),
                DeliveredFiles.content(manager, jobId, esProgramme));
        PictureComparison.Report report = PictureComparison.compare(clip, programme,
                shot.getJsonNumber("reencodedStart").doubleValue(), shot.getJsonNumber("reencodedEnd").doubleValue(),
                shotItem.getJsonNumber("start").doubleValue(), shotItem.getJsonNumber("end").doubleValue(),
                region(shot.getJsonObject("mouth")));
        System.out.println("LipSyncIT: " + report);
        assertEquals(report.sourceFrames(), report.frames(), "every frame is there: " + report);
        assertTrue(report.untouched() >= 75, "the first clip at least is outside the shot's GOPs: " + report);
        assertEquals(report.untouched(), report.untouchedIdentical(), "outside the re-encoded GOPs: " + report);
        assertTrue(report.shotFrames() > 0, report.toString());
        assertTrue(report.meanDiffInsideMouth() > 4 * report.meanDiffOutsideMouth() && report.meanDiffInsideMouth() > 3,
                "inside the shot the mouth changed and little else: " + report);
        assertTrue(report.meanDiffOutsideMouth() < 2.5, "outside the mouth only re-encoding noise: " + report);

        // approved, delivered: the manifest lists the altered span with its region, model and grant
        for (JsonObject item : qa.all("/api/v1/review-items?job=" + jobId + "&state=OPEN")) {
            HttpResponse<String> v = qa.post("/api/v1/review-items/" + item.getString("id") + "/verdict",
                    "{\"verdict\":\"APPROVED\"}");
            assertEquals(200, v.statusCode(), v.body());
        }
        HttpResponse<String> delivered = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(201, delivered.statusCode(), delivered.body());
        String deliveryId = Api.json(delivered).getString("id");
        String manifestText = new String(manager.getBytes("/api/v1/deliveries/" + deliveryId + "/files/manifest.json",
                null).body(), StandardCharsets.UTF_8);
        String schema = manager.get("/api/v1/schemas/delivery-manifest.json").body();
        assertEquals(List.of(), SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema, InputFormat.JSON).validate(manifestText, InputFormat.JSON), manifestText);
        JsonObject manifest = (JsonObject) Api.parse(manifestText);
        JsonObject alteration = manifest.getJsonArray("alterations").getJsonObject(0);
        assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
                alteration.getString("digitalSourceType"));
        assertEquals(lipGrant, alteration.getString("consentGrantId"));
        assertEquals(onScreen, alteration.getJsonObject("performer").getString("id"));
        assertEquals(lipModel, alteration.getJsonObject("model").getString("id"));
        assertEquals(shot.getJsonObject("mouth").getInt("width"), alteration.getJsonObject("region").getInt("width"));
        assertTrue(manifest.getJsonArray("actions").getValuesAs(JsonObject.class).stream().anyMatch(a ->
                a.getString("action").equals("c2pa.dubbed") && a.containsKey("changes")
                        && a.getJsonObject("parameters").getString("region", "").equals("lips")), manifestText);
        Map<String, byte[]> zip = DeliveredFiles.unzip(manager.getBytes("/api/v1/deliveries/" + deliveryId + "/package",
                null).body());
        assertTrue(zip.containsKey("es/programme.mkv") && zip.containsKey("programme.mkv"), zip.keySet().toString());
        String tags = DeliveredFiles.containerTags(Files.write(tmp.resolve("delivered-es.mkv"),
                zip.get("es/programme.mkv")));
        assertTrue(tags.contains("AI_ALTERED_PICTURE") && tags.contains("lip-synced"), "the picture says so: " + tags);
        assertFalse(DeliveredFiles.containerTags(Files.write(tmp.resolve("delivered.mkv"), zip.get("programme.mkv")))
                .contains("AI_ALTERED_PICTURE"), "the programme with the source's picture does not");

        // the agent's account of the on-screen performer: the lip-synced shot, under the LIP_SYNC grant
        JsonObject use = Api.json2(agent.get("/api/v1/performers/" + onScreen + "/uses")).stream()
                .filter(u -> u.getString("jobId").equals(jobId)).findFirst().orElseThrow();
        assertEquals("LIP_SYNC", use.getString("use"), use.toString());
        assertEquals(1, use.getInt("cues"));
        assertEquals(lipGrant, use.getString("grantId"));

        // R9: the on-screen performer withdraws: the delivery is recalled, the altered picture no longer served
        HttpResponse<String> revoked = agent.post("/api/v1/grants/" + lipGrant + "/revocation",
                "{\"reason\":\"the performer withdrew consent to visual ADR\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        assertEquals("RECALLED", Api.json(manager.get("/api/v1/deliveries/" + deliveryId)).getString("state"));
        assertEquals(410, manager.getBytes("/api/v1/jobs/" + jobId + "/deliverables/" + esProgramme.getString("id")
                + "/content", null).statusCode(), "the lip-synced programme is withheld");
        assertEquals(410, qa.getBytes(shotItem.getJsonObject("links").getString("still"), null).statusCode());
        assertTrue(Api.json(qa.get("/api/v1/review-items/" + shotItem.getString("id"))).getJsonObject("shot")
                .getBoolean("quarantined"));
        JsonObject quarantined = Api.json2(agent.get("/api/v1/performers/" + onScreen + "/uses")).stream()
                .filter(u -> u.getString("jobId").equals(jobId)).findFirst().orElseThrow();
        assertEquals(1, quarantined.getInt("quarantinedLines"), "quarantined in the agent's account: " + quarantined);
        assertTrue(quarantined.getJsonObject("delivery").getBoolean("recalled"), quarantined.toString());
    }

    @Test
    void aLipSyncModelThatWouldNotLoadIsRefusedAtRegistrationAndAnIncompleteRequestAt400() throws Exception {
        Path garbage = Files.write(tmp.resolve("wav2lip.onnx"), "not a protobuf at all".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> onnx = registerLipSync("onnx-wav2lip", garbage);
        assertEquals(400, onnx.statusCode(), onnx.body());
        assertTrue(onnx.body().contains("artifactLocation") && onnx.body().contains("onnx-wav2lip"), onnx.body());
        Path params = Files.writeString(tmp.resolve("bad.json"), "{\"noSuchParameter\": 1}");
        HttpResponse<String> warp = registerLipSync("mouth-warp", params);
        assertEquals(400, warp.statusCode(), warp.body());
        assertTrue(warp.body().contains("noSuchParameter"), "the unknown key is named: " + warp.body());
        HttpResponse<String> elsewhere = registerLipSync("wav2lip-gpu", params);
        assertEquals(201, elsewhere.statusCode(), "an engine this server does not run registers, as for voices: "
                + elsewhere.body());

        Api manager = Api.as("manager");
        HttpResponse<String> incomplete = manager.post("/api/v1/jobs", "{\"title\":\"NONE\",\"territory\":\"ES\","
                + "\"targets\":[{\"language\":\"es\",\"script\":{\"format\":\"WEBVTT\",\"text\":\"" + ES.replace("\n", "\\n")
                + "\"},\"characters\":[{\"character\":\"ANNA\",\"approach\":\"ORIGINAL\",\"lipSync\":{\"modelId\":\""
                + Api.json(elsewhere).getString("id") + "\"}}]}]}");
        assertEquals(400, incomplete.statusCode(), incomplete.body());
        List<JsonObject> errors = Api.json(incomplete).getJsonArray("errors").getValuesAs(JsonObject.class);
        List<String> fields = errors.stream().map(e -> e.getString("field")).toList();
        assertTrue(fields.contains("targets[0].characters[0].lipSync.onScreenPerformerId"), incomplete.body());
        assertTrue(errors.stream().anyMatch(e -> e.getString("field").equals("targets[0].characters[0].lipSync.modelId")
                && e.getString("message").contains("not installed here")), incomplete.body());
    }

    /**
     * A trained model's path: an ONNX file of Wav2Lip's signature (tiny, written by media-tools' tests)
     * registered on {@code onnx-wav2lip} loads in the server's ONNX Runtime and re-draws the shot's mouth.
     */
    @Test
    void anOnnxMouthModelRegistersAndRunsInTheServer() throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        String title = "LX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"ONNX\"}").statusCode());
        Path clip = reel(Testdata.gridClips().subList(0, 2), tmp.resolve("reel.mkv"));
        String media = Api.json(manager.upload(clip, "video/x-matroska")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        String onScreen = Fixtures.performer(agent, "Onnx Speaker " + title);
        assertEquals(201, grant(agent, onScreen, "LIP_SYNC", title).statusCode());
        Path onnx = org.dubgate.media.lipsync.onnx.Wav2LipTestModels.write(tmp, "wav2lip-signature.onnx");
        HttpResponse<String> registered = registerLipSync("onnx-wav2lip", onnx);
        assertEquals(201, registered.statusCode(), registered.body());
        String model = Api.json(registered).getString("id");
        assertEquals(200, Api.admin().post("/api/v1/models/" + model + "/approval", "{}").statusCode());
        // a human dub (another speaker's reel as the dubbing actor's stem), the mouth re-drawn by the ONNX model:
        // a LIP_SYNC use alone
        String dubStem = Api.json(manager.upload(reel(Testdata.gridClips().subList(2, 4), tmp.resolve("dub.mkv")),
                "video/x-matroska")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(dubStem).getString("state"));
        HttpResponse<String> submitted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", media).add("territory", "ES").add("originalLanguage", "en")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("language", "es")
                        .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", ES))
                        .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("character", "ANNA").add("approach", "HUMAN").add("dubStemMediaId", dubStem)
                                .add("lipSync", Json.createObjectBuilder().add("onScreenPerformerId", onScreen)
                                        .add("modelId", model))))))
                .build().toString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        String jobId = Api.json(submitted).getString("id");
        JsonObject done = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", done.getString("state"), done.toString());
        JsonObject shot = Api.as("qa").all("/api/v1/review-items?job=" + jobId).stream()
                .filter(i -> i.getString("kind").equals("SHOT")).findFirst()
                .orElseThrow(() -> new AssertionError("no SHOT item: " + done));
        assertEquals("onnx-wav2lip", shot.getJsonObject("model").getString("engine"));
        assertTrue(shot.getJsonObject("shot").getInt("framesAltered") > 40, shot.toString());
    }

    private static HttpResponse<String> registerLipSync(String engine, Path artifact) {
        return Api.admin().post("/api/v1/models", Json.createObjectBuilder()
                .add("name", engine + " " + UUID.randomUUID().toString().substring(0, 6)).add("kind", "LIP_SYNC")
                .add("engine", engine).add("version", "1").add("artifactLocation", artifact.toString())
                .add("licence", "dubgate (weight-free: no training data)").add("trainingData", "none: no trained weights")
                .add("trainingDataLicensed", true).add("storesInputs", false).add("trainsOnInputs", false)
                .add("executionSite", "ON_PREMISES").build().toString());
    }

    /** The weight-free engine registered and approved as a LIP_SYNC model, its parameter file its artifact. */
    private static String lipSyncModel(Path params) throws Exception {
        MouthWarp.writeDefaults(params);
        HttpResponse<String> r = registerLipSync("mouth-warp", params);
        assertEquals(201, r.statusCode(), r.body());
        String id = Api.json(r).getString("id");
        assertEquals(200, Api.admin().post("/api/v1/models/" + id + "/approval", "{}").statusCode());
        return id;
    }

    private static HttpResponse<String> grant(Api agent, String performer, String use, String title) {
        return agent.post("/api/v1/grants", "{\"performerId\":\"" + performer + "\",\"evidenceId\":\""
                + Fixtures.evidence(agent) + "\",\"uses\":[\"" + use + "\"],\"titles\":[\"" + title
                + "\"],\"languages\":[\"es\"],\"territories\":[\"WORLDWIDE\"],\"purposes\":[\"TEMP\"],\"validFrom\":\""
                + Instant.now().minus(1, ChronoUnit.DAYS) + "\",\"validUntil\":\"" + Instant.now().plus(30, ChronoUnit.DAYS)
                + "\",\"description\":\"" + (use.equals("LIP_SYNC") ? "Alter the on-screen mouth movements of this "
                + "performance to match the temporary Spanish dub of this title" : Fixtures.DESCRIPTION)
                + "\",\"compensationReference\":\"CONTRACT-2026-300\"}");
    }

    /** GRID clips one after the other in one Matroska file, stream-copied by the FFmpeg CLI's concat demuxer. */
    private static Path reel(List<Path> clips, Path out) throws Exception {
        Path list = out.resolveSibling(out.getFileName() + ".txt");
        Files.write(list, clips.stream().map(c -> "file '" + c.toAbsolutePath() + "'").toList());
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list.toString(),
                "-c", "copy", out.toString()).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        return out;
    }


    private static int[] region(JsonObject r) {
        return new int[]{r.getInt("x"), r.getInt("y"), r.getInt("width"), r.getInt("height")};
    }


}
