package org.dubgate.it;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QA review through delivery and recall on the real server: a GRID clip dubbed into English (flite)
 * and Spanish (espeak-ng). Review items are every synthesized line plus every failed check of a mix;
 * a re-render with an edited text changes only that cue's line and only that span of its language's
 * mix; approval opens delivery, whose zip holds every file the manifest lists under its SHA-256 and
 * whose manifest validates against the published schema; a revocation recalls it. A second job shows
 * a rejection holding delivery, a FINAL job's files kept from its manager while in review (R6), and a
 * revocation in review withholding the mixes; a third, a FINAL job refused delivery once its written
 * approval is revoked, and delivered, naming the new one, once it is recorded again.
 */
@ExtendWith(ArquillianExtension.class)
class ReviewDeliveryIT {

    private static final String EN = "WEBVTT\n\nuno\n00:00.100 --> 00:01.400\n<v ANNA>Bin blue at f two now.\n\n"
            + "dos\n00:01.500 --> 00:02.950\n<v BO>Place red by g nine soon.\n";
    private static final String ES = "WEBVTT\n\nuno\n00:00.100 --> 00:01.400\n<v ANNA>Pon el azul.\n\n"
            + "dos\n00:01.500 --> 00:02.950\n<v BO>Pon el rojo ahora.\n";

    @TempDir
    Path tmp;

    /** A title, two performers with grants, four voices and the job's targets. */
    private record Setup(String title, String media, Map<String, String> performers, Map<String, String> grants,
                         jakarta.json.JsonArray targets) {
    }

    private static Setup setup(String prefix, Api manager, Api agent, String purposes, String... languages)
            throws Exception {
        String title = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Review\"}").statusCode());
        String media = Api.json(manager.upload(Testdata.gridClips().get(0), "video/mpeg")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        Map<String, String> performers = new HashMap<>();
        Map<String, String> grants = new HashMap<>();
        for (String who : List.of("ANNA", "BO")) {
            String p = Fixtures.performer(agent, who + " " + title);
            performers.put(who, p);
            HttpResponse<String> g = grant(agent, p, title, purposes, languages);
            assertEquals(201, g.statusCode(), g.body());
            grants.put(who, Api.json(g).getString("id"));
        }
        String flite = Fixtures.approvedModel("flite");
        String espeak = Fixtures.approvedModel("espeak-ng");
        JsonArrayBuilder targets = Json.createArrayBuilder();
        for (String language : languages) {
            String model = language.equals("en") ? flite : espeak;
            targets.add(Json.createObjectBuilder().add("language", language)
                    .add("script", Json.createObjectBuilder().add("format", "WEBVTT")
                            .add("text", language.equals("en") ? EN : ES))
                    .add("characters", Json.createArrayBuilder()
                            .add(character("ANNA", Fixtures.voice(manager, "Anna " + language + " " + title, model,
                                    performers.get("ANNA"))))
                            .add(character("BO", Fixtures.voice(manager, "Bo " + language + " " + title, model,
                                    performers.get("BO"))))));
        }
        return new Setup(title, media, performers, grants, targets.build());
    }

    private static HttpResponse<String> grant(Api agent, String performer, String title, String purposes,
                                              String... languages) {
        String langs = java.util.Arrays.stream(languages).map(l -> "\"" + l + "\"").collect(Collectors.joining(","));
        return agent.post("/api/v1/grants", "{\"performerId\":\"" + performer + "\",\"evidenceId\":\""
                + Fixtures.evidence(agent) + "\",\"uses\":[\"VOICE_SYNTHESIS\"],\"titles\":[\"" + title
                + "\"],\"languages\":[" + langs + "],\"territories\":[\"WORLDWIDE\"],\"purposes\":[" + purposes
                + "],\"validFrom\":\"" + Instant.now().minus(1, ChronoUnit.DAYS) + "\",\"validUntil\":\""
                + Instant.now().plus(30, ChronoUnit.DAYS) + "\",\"description\":\"" + Fixtures.DESCRIPTION
                + "\",\"compensationReference\":\"CONTRACT-2026-200\"}");
    }

    private static JsonObject character(String name, String voice) {
        return Json.createObjectBuilder().add("character", name).add("approach", "SYNTHETIC").add("voiceId", voice).build();
    }

    private static String submit(Api manager, Setup s, String purpose) {
        HttpResponse<String> r = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", s.title())
                .add("sourceMediaId", s.media()).add("territory", "ES").add("purpose", purpose)
                .add("originalLanguage", "en").add("targets", s.targets()).build().toString());
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    @Test
    void reviewedJobIsRerenderedApprovedDeliveredLabelledAndRecalled() throws Exception {
        Api manager = Api.as("manager");
        Api qa = Api.as("qa");
        Api agent = Api.as("agent");
        Setup s = setup("RV", manager, agent, "\"TEMP\"", "en", "es");
        String jobId = submit(manager, s, "TEMP");
        JsonObject job = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());

        // review items: every synthesized line, and every check of a mix that automatic QA flagged
        List<JsonObject> items = qa.all("/api/v1/review-items?job=" + jobId);
        long flaggedMixChecks = manager.all("/api/v1/jobs/" + jobId + "/checks?verdict=FLAGGED").stream()
                .filter(c -> !c.containsKey("cueId")).count();
        assertTrue(flaggedMixChecks >= 2, "a GRID clip has no M&E: NO_MNE_ORIGINAL_AUDIBLE in each language");
        assertEquals(4 + flaggedMixChecks, items.size(), items.toString());
        List<JsonObject> lines = items.stream().filter(i -> i.getString("kind").equals("LINE")).toList();
        assertEquals(4, lines.size());
        for (JsonObject line : lines) {
            assertEquals("OPEN", line.getString("state"));
            assertTrue(line.getString("text").length() > 5, line.toString());
            assertTrue(List.of("ANNA", "BO").contains(line.getString("character")));
            assertTrue(line.getJsonObject("model").getString("sha256").matches("[0-9a-f]{64}"), line.toString());
            assertNotNull(line.getString("grantId"));
            assertNotNull(line.getJsonObject("voice").getString("name"));
        }
        for (JsonObject check : items.stream().filter(i -> i.getString("kind").equals("CHECK")).toList()) {
            String mixUrl = check.getJsonObject("links").getString("mix");
            assertTrue(mixUrl.contains("/deliverables/"), check.toString());
            assertEquals(200, qa.getBytes(mixUrl, null).statusCode(), "a CHECK item links the mix it is about");
        }
        JsonObject esDos = one(lines, "es", "dos");
        assertEquals(1.5, esDos.getJsonNumber("start").doubleValue(), 1e-9);
        // what a reviewer listens to: the line, the mix over its span with 2 s either side, the original
        assertEquals(200, qa.getBytes(esDos.getJsonObject("links").getString("line"), null).statusCode());
        for (String excerpt : List.of("mix", "original")) {
            HttpResponse<byte[]> wav = qa.getBytes(esDos.getJsonObject("links").getString(excerpt), null);
            assertEquals(200, wav.statusCode(), excerpt);
            RiffWave w = RiffWave.of(wav.body());
            assertEquals(48_000, w.rate());
            assertEquals(Math.round((2.95 - 1.5 + 4) * 48_000), w.frames(), 1, excerpt + " lasts the span and 4 s");
        }
        JsonObject oneItem = Api.json(qa.get("/api/v1/review-items/" + esDos.getString("id")));
        assertTrue(oneItem.getJsonArray("checks").size() >= 6, "the one-item view has the line's checks: " + oneItem);
        // filters
        assertEquals(2, qa.all("/api/v1/review-items?job=" + jobId + "&language=es&state=OPEN").stream()
                .filter(i -> i.getString("kind").equals("LINE")).count());
        qa.all("/api/v1/review-items?job=" + jobId + "&flag=NO_MNE_ORIGINAL_AUDIBLE")
                .forEach(i -> assertTrue(i.getJsonArray("flags").toString().contains("NO_MNE_ORIGINAL_AUDIBLE")));
        assertEquals(400, qa.get("/api/v1/review-items?state=MAYBE").statusCode());

        // roles: a manager cannot decide, QA cannot submit, an agent sees none of it
        assertEquals(403, manager.post("/api/v1/review-items/" + esDos.getString("id") + "/verdict",
                "{\"verdict\":\"APPROVED\"}").statusCode());
        assertEquals(403, qa.post("/api/v1/jobs", "{}").statusCode());
        assertEquals(403, agent.get("/api/v1/review-items?job=" + jobId).statusCode());
        // nothing is delivered before review
        HttpResponse<String> early = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(409, early.statusCode(), early.body());
        assertTrue(Api.json(early).getString("detail").contains("IN_REVIEW"), early.body());
        // bad verdicts are refused with every problem and change nothing
        HttpResponse<String> bad = qa.post("/api/v1/review-items/" + esDos.getString("id") + "/verdict",
                "{\"verdict\":\"RERENDER\",\"ratePercent\":5000}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(List.of("ratePercent"), fields(bad));
        HttpResponse<String> noNote = qa.post("/api/v1/review-items/" + esDos.getString("id") + "/verdict",
                "{\"verdict\":\"RERENDER\",\"text\":\"Pon el rojo.\"}");
        assertEquals(400, noNote.statusCode(), noNote.body());
        assertEquals(List.of("note"), fields(noNote));

        // before the re-render: every line's file and the Spanish and English mixes
        Map<String, JsonObject> outputsBefore = byCue(manager.all("/api/v1/jobs/" + jobId + "/outputs"), manager, jobId);
        JsonObject esMixBefore = current(manager, jobId, "FULL_MIX", "es");
        JsonObject enMixBefore = current(manager, jobId, "FULL_MIX", "en");
        byte[] esMixBytes = DeliveredFiles.content(manager, jobId, esMixBefore);

        // approve all but the Spanish "dos", which is made again with an edited text
        for (JsonObject item : items) {
            if (!item.getString("id").equals(esDos.getString("id"))) {
                verdict(qa, item, "{\"verdict\":\"APPROVED\"}");
            }
        }
        assertEquals("IN_REVIEW", Api.json(manager.get("/api/v1/jobs/" + jobId)).getString("state"),
                "one item is still open");
        verdict(qa, esDos, "{\"verdict\":\"RERENDER\",\"note\":\"too long for the mouth\",\"text\":\"Pon el rojo.\"}");
        job = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        assertEquals(1, job.getInt("round"));
        assertEquals(List.of("ASSEMBLE", "CHECK/es", "MIX/es", "SYNTHESIZE/es"), Dubbing.tasks(job).stream()
                .filter(t -> t.getInt("round") == 1).map(t -> t.getString("kind") + (t.containsKey("language")
                        ? "/" + t.getString("language") : "")).sorted().toList(), "only that cue, and Spanish, again");

        // only that cue's line changed; the earlier version is kept and never served
        Map<String, JsonObject> outputsAfter = byCue(manager.all("/api/v1/jobs/" + jobId + "/outputs"), manager, jobId);
        for (String cue : List.of("en/uno", "en/dos", "es/uno")) {
            assertEquals(outputsBefore.get(cue).getString("sha256"), outputsAfter.get(cue).getString("sha256"), cue);
            assertEquals(outputsBefore.get(cue).getString("id"), outputsAfter.get(cue).getString("id"), cue);
        }
        JsonObject newDos = outputsAfter.get("es/dos");
        assertNotEquals(outputsBefore.get("es/dos").getString("sha256"), newDos.getString("sha256"));
        assertEquals("Pon el rojo.", newDos.getString("text"));
        assertNotEquals(outputsBefore.get("es/dos").getString("fingerprint"), newDos.getString("fingerprint"));
        outputsAfter.values().forEach(o -> assertFalse(o.getBoolean("stale"), "every current line as its cue says: " + o));
        JsonObject oldVersion = Api.json(manager.get("/api/v1/jobs/" + jobId + "/outputs/"
                + outputsBefore.get("es/dos").getString("id")));
        assertTrue(oldVersion.getBoolean("superseded") && oldVersion.getBoolean("stale"), "the edit made it stale: "
                + oldVersion);
        HttpResponse<String> oldLine = manager.get("/api/v1/jobs/" + jobId + "/outputs/"
                + outputsBefore.get("es/dos").getString("id") + "/audio");
        assertEquals(410, oldLine.statusCode(), oldLine.body());
        // the Spanish mix differs from the old one only inside that cue's span, plus the ramps around it
        JsonObject esMixAfter = current(manager, jobId, "FULL_MIX", "es");
        assertNotEquals(esMixBefore.getString("id"), esMixAfter.getString("id"));
        long[] changed = RiffWave.differingFrames(RiffWave.of(esMixBytes), RiffWave.of(DeliveredFiles.content(manager, jobId,
                esMixAfter)));
        assertNotNull(changed, "the new line is heard in the mix");
        System.out.printf("ReviewDeliveryIT: the re-rendered mix differs from %.3f s to %.3f s (cue 1.500-2.950)%n",
                changed[0] / 48_000.0, changed[1] / 48_000.0);
        assertTrue(changed[0] / 48_000.0 >= 1.5 - 0.5 && changed[1] / 48_000.0 <= 2.95 + 0.5,
                "changes outside the cue's span: " + changed[0] / 48_000.0 + " .. " + changed[1] / 48_000.0);
        assertEquals(410, manager.get("/api/v1/jobs/" + jobId + "/deliverables/" + esMixBefore.getString("id")
                + "/content").statusCode(), "the replaced mix is never served");
        assertEquals(enMixBefore.getString("id"), current(manager, jobId, "FULL_MIX", "en").getString("id"),
                "English was not mixed again");

        // a new item for the new version; the old one and the Spanish mix's old checks no longer count
        List<JsonObject> open = qa.all("/api/v1/review-items?job=" + jobId + "&state=OPEN");
        assertTrue(open.stream().anyMatch(i -> i.getString("kind").equals("LINE") && i.getString("cueId").equals("dos")
                && i.getString("language").equals("es") && i.getString("text").equals("Pon el rojo.")
                && i.getInt("round") == 1), open.toString());
        assertEquals("SUPERSEDED", Api.json(qa.get("/api/v1/review-items/" + esDos.getString("id"))).getString("state"));
        open.forEach(i -> assertEquals(1, i.getInt("round")));
        for (JsonObject item : open) {
            verdict(qa, item, "{\"verdict\":\"APPROVED\"}");
        }
        assertEquals("APPROVED", Api.json(manager.get("/api/v1/jobs/" + jobId)).getString("state"));

        // delivery: verified files, a manifest that validates against the published schema
        HttpResponse<String> delivered = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(201, delivered.statusCode(), delivered.body());
        JsonObject delivery = Api.json(delivered);
        String deliveryId = delivery.getString("id");
        assertEquals("AVAILABLE", delivery.getString("state"));
        assertEquals("DELIVERED", Api.json(manager.get("/api/v1/jobs/" + jobId)).getString("state"));
        assertEquals(409, manager.post("/api/v1/jobs/" + jobId + "/delivery", "").statusCode(), "delivered once");
        HttpResponse<byte[]> manifestFile = manager.getBytes("/api/v1/deliveries/" + deliveryId + "/files/manifest.json",
                null);
        assertEquals(200, manifestFile.statusCode());
        String manifestText = new String(manifestFile.body(), StandardCharsets.UTF_8);
        assertEquals(delivery.getString("manifestSha256"), sha256(manifestFile.body()));
        String schema = manager.get("/api/v1/schemas/delivery-manifest.json").body();
        List<com.networknt.schema.Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema, InputFormat.JSON).validate(manifestText, InputFormat.JSON);
        assertEquals(List.of(), errors, manifestText);
        JsonObject manifest = (JsonObject) Api.parse(manifestText);
        List<JsonObject> segments = manifest.getJsonArray("segments").getValuesAs(JsonObject.class);
        assertEquals(4, segments.size(), "every synthesized line, its current version only");
        for (JsonObject seg : segments) {
            assertEquals(outputsAfter.get(seg.getString("language") + "/" + seg.getString("cueId")).getString("sha256"),
                    seg.getString("outputSha256"));
            assertTrue(seg.getJsonObject("model").getString("sha256").matches("[0-9a-f]{64}"));
            assertEquals(s.grants().get(seg.getString("character")), seg.getString("consentGrantId"));
            assertEquals("APPROVED", seg.getJsonObject("qa").getString("verdict"));
            assertEquals("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
                    seg.getString("digitalSourceType"));
        }
        List<String> actions = manifest.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("action")).toList();
        assertEquals("c2pa.opened", actions.get(0));
        assertTrue(actions.containsAll(List.of("c2pa.translated", "c2pa.dubbed", "c2pa.mixed")), actions.toString());

        // the zip, streamed: every file the manifest lists, under that SHA-256; the WAVs and programme say AI
        HttpResponse<byte[]> zip = manager.getBytes("/api/v1/deliveries/" + deliveryId + "/package", null);
        assertEquals(200, zip.statusCode());
        Map<String, byte[]> entries = DeliveredFiles.unzip(zip.body());
        assertTrue(entries.containsKey("manifest.json"));
        assertEquals(manifestText, new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        List<JsonObject> files = manifest.getJsonArray("files").getValuesAs(JsonObject.class);
        assertEquals(5, files.size(), "per language the stem and the mix, and the programme: " + files);
        for (JsonObject f : files) {
            byte[] bytes = entries.get(f.getString("name"));
            assertNotNull(bytes, f.getString("name") + " in the zip " + entries.keySet());
            assertEquals(f.getString("sha256"), sha256(bytes), f.getString("name"));
            if (f.getString("name").endsWith(".wav")) {
                String comment = RiffWave.of(bytes).info().getOrDefault("ICMT", "");
                assertTrue(comment.contains("AI-generated") && comment.contains("manifest.json"),
                        f.getString("name") + " INFO: " + RiffWave.of(bytes).info());
            }
        }
        Path programme = Files.write(tmp.resolve("programme.mkv"), entries.get("programme.mkv"));
        String tags = DeliveredFiles.containerTags(programme);
        assertTrue(tags.contains("AI-generated dialogue") && tags.contains("manifest.json"), tags);
        HttpResponse<byte[]> part = manager.getBytes("/api/v1/deliveries/" + deliveryId + "/files/es/full-mix.wav",
                "bytes=0-99");
        assertEquals(206, part.statusCode());
        assertEquals(100, part.body().length);

        // the ledger has every verdict, the approval and the delivery with its manifest's hash
        String ledger = Api.admin().get("/api/v1/audit?subject=" + deliveryId).body();
        assertTrue(ledger.contains("DELIVERY") && ledger.contains(delivery.getString("manifestSha256")), ledger);
        assertTrue(Api.admin().get("/api/v1/audit?subject=" + jobId).body().contains("JOB_APPROVED"));
        assertTrue(Api.admin().get("/api/v1/audit?subject=" + esDos.getString("id")).body().contains("RERENDER"));

        // revocation after delivery: recalled, 410, the agent's usage report lists it, an event goes out
        long lastEvent = Api.json(manager.get("/api/v1/jobs/" + jobId)).getJsonNumber("lastEventId").longValue();
        HttpResponse<String> revoked = agent.post("/api/v1/grants/" + s.grants().get("BO") + "/revocation",
                "{\"reason\":\"the performer withdrew consent\"}");
        assertEquals(200, revoked.statusCode(), revoked.body());
        JsonObject recalled = Api.json(manager.get("/api/v1/deliveries/" + deliveryId));
        assertEquals("RECALLED", recalled.getString("state"), recalled.toString());
        assertTrue(recalled.getString("recallReason").contains(s.grants().get("BO")));
        assertEquals(List.of("en/dos", "es/dos"), recalled.getJsonArray("recast").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("language") + "/" + r.getString("cueId")).sorted().toList(), "the cues to recast");
        HttpResponse<String> gone = manager.get("/api/v1/deliveries/" + deliveryId + "/package");
        assertEquals(410, gone.statusCode(), gone.body());
        assertTrue(Api.json(gone).getString("detail").contains("recalled"), gone.body());
        assertEquals(410, manager.get("/api/v1/deliveries/" + deliveryId + "/files/es/full-mix.wav").statusCode());
        assertEquals(410, manager.get("/api/v1/jobs/" + jobId + "/deliverables/" + esMixAfter.getString("id")
                + "/content").statusCode());
        assertEquals(200, manager.get("/api/v1/deliveries/" + deliveryId + "/files/manifest.json").statusCode(),
                "the manifest stays: it is the record of what was delivered");
        String usage = agent.get("/api/v1/performers/" + s.performers().get("BO") + "/usage").body();
        assertTrue(usage.contains("DELIVERY_RECALLED"), usage);
        // the uses of BO's voice: one per language (es/dos was made twice: the re-render), every one recalled
        List<JsonObject> uses = Api.json2(agent.get("/api/v1/performers/" + s.performers().get("BO") + "/uses"));
        assertEquals(List.of("en 1/1", "es 1/2"), uses.stream().map(u -> u.getString("language") + " " + u.getInt("cues")
                + "/" + u.getInt("lines")).sorted().toList(), uses.toString());
        for (JsonObject use : uses) {
            assertEquals(jobId, use.getString("jobId"));
            assertEquals(s.title(), use.getString("title"));
            assertEquals(s.grants().get("BO"), use.getString("grantId"));
            assertEquals(use.getInt("lines"), use.getInt("quarantinedLines"), "the revocation quarantined them");
            assertTrue(use.getJsonObject("delivery").getBoolean("recalled"), use.toString());
            assertTrue(use.getJsonObject("delivery").getString("recallReason").contains(s.grants().get("BO")));
        }
        assertEquals(java.util.Set.of("flite", "espeak-ng"), uses.stream().map(u -> u.getString("model").split(" ")[0])
                .collect(java.util.stream.Collectors.toSet()), uses.toString());
        String outsider = "uses-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(outsider, "agent", "Another Agency " + outsider);
        assertEquals(404, Api.basic(outsider, Api.USER_PASSWORD).get("/api/v1/performers/" + s.performers().get("BO")
                + "/uses").statusCode(), "another agency's agent does not see them");
        List<ProgressStream.Event> events = ProgressStream.read(manager, jobId, Long.toString(lastEvent),
                Duration.ofSeconds(30));
        assertTrue(events.stream().filter(e -> !e.isEnd()).anyMatch(e -> e.json().getString("type").equals("RECALLED")),
                events.toString());
    }

    @Test
    void aRejectionHoldsDeliveryAFinalJobsFilesAreForReviewOnlyAndARevocationInReviewWithholdsTheMixes()
            throws Exception {
        Api manager = Api.as("manager");
        Api qa = Api.as("qa");
        Api agent = Api.as("agent");
        Setup s = setup("RJ", manager, agent, "\"TEMP\",\"FINAL\"", "es");
        finalApproval(s.title());
        String jobId = submit(manager, s, "FINAL");
        JsonObject job = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());

        // R6: a FINAL job's files are QA's to hear while it is in review; its manager may not download them
        JsonObject mix = current(manager, jobId, "FULL_MIX", "es");
        String mixUrl = "/api/v1/jobs/" + jobId + "/deliverables/" + mix.getString("id") + "/content";
        HttpResponse<String> forbidden = manager.get(mixUrl);
        assertEquals(403, forbidden.statusCode(), forbidden.body());
        assertTrue(Api.json(forbidden).getString("detail").contains("review only"), forbidden.body());
        assertEquals(200, qa.getBytes(mixUrl, null).statusCode());

        // a rejection holds the job: delivery is refused, naming the item and its note
        List<JsonObject> items = qa.all("/api/v1/review-items?job=" + jobId);
        JsonObject rejected = one(items.stream().filter(i -> i.getString("kind").equals("LINE")).toList(), "es", "uno");
        // two verdicts on one item at once: one is taken, the other finds it decided (409), none fails
        JsonObject twice = one(items.stream().filter(i -> i.getString("kind").equals("LINE")).toList(), "es", "dos");
        List<java.util.concurrent.CompletableFuture<Integer>> both = List.of(1, 2).stream().map(n ->
                java.util.concurrent.CompletableFuture.supplyAsync(() -> qa.post("/api/v1/review-items/"
                        + twice.getString("id") + "/verdict", "{\"verdict\":\"APPROVED\"}").statusCode())).toList();
        assertEquals(List.of(200, 409), both.stream().map(java.util.concurrent.CompletableFuture::join).sorted().toList());
        for (JsonObject item : items) {
            if (item == twice) {
                continue;
            }
            verdict(qa, item, item == rejected ? "{\"verdict\":\"REJECTED\",\"note\":\"wrong character voice\"}"
                    : "{\"verdict\":\"APPROVED\"}");
        }
        job = Api.json(manager.get("/api/v1/jobs/" + jobId));
        assertEquals("IN_REVIEW", job.getString("state"));
        assertTrue(job.getString("reason").contains("wrong character voice"), job.toString());
        HttpResponse<String> refused = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(409, refused.statusCode(), refused.body());
        String detail = Api.json(refused).getString("detail");
        assertTrue(detail.contains(rejected.getString("id")) && detail.contains("wrong character voice"), detail);
        assertEquals(403, manager.get(mixUrl).statusCode(), "still for review only");

        // a revocation while in review: the mixes and the programme are no longer served
        assertEquals(200, agent.post("/api/v1/grants/" + s.grants().get("ANNA") + "/revocation",
                "{\"reason\":\"consent withdrawn\"}").statusCode());
        assertEquals("BLOCKED", Api.json(manager.get("/api/v1/jobs/" + jobId)).getString("state"));
        for (JsonObject d : manager.all("/api/v1/jobs/" + jobId + "/deliverables")) {
            if (d.getString("kind").equals("DIALOGUE_STEM")) {
                continue;
            }
            assertTrue(d.containsKey("withheld"), d.toString());
            HttpResponse<String> withheld = qa.get("/api/v1/jobs/" + jobId + "/deliverables/" + d.getString("id")
                    + "/content");
            assertEquals(410, withheld.statusCode(), d.getString("kind") + ": " + withheld.body());
        }
    }

    @Test
    void aFinalJobIsDeliveredOnlyWhileItsWrittenApprovalHoldsAndTheManifestNamesIt() throws Exception {
        Api manager = Api.as("manager");
        Api qa = Api.as("qa");
        Setup s = setup("FN", manager, Api.as("agent"), "\"FINAL\"", "es");
        String firstApproval = finalApproval(s.title());
        String jobId = submit(manager, s, "FINAL");
        assertEquals("IN_REVIEW", DubbingPipelineIT.awaitReview(manager, jobId).getString("state"));
        List<JsonObject> items = qa.all("/api/v1/review-items?job=" + jobId);
        assertEquals(items.size(), Api.json(manager.get("/api/v1/jobs/" + jobId)).getJsonObject("reviewItems")
                .getInt("OPEN"), "QA's progress on the job");
        for (JsonObject item : items) {
            verdict(qa, item, "{\"verdict\":\"APPROVED\"}");
        }
        JsonObject approved = Api.json(manager.get("/api/v1/jobs/" + jobId));
        assertEquals("APPROVED", approved.getString("state"));
        assertEquals(items.size(), approved.getJsonObject("reviewItems").getInt("APPROVED"), approved.toString());
        assertFalse(approved.getJsonObject("reviewItems").containsKey("OPEN"));
        // R6: the written approval for FINAL use must still hold when the job is delivered
        assertEquals(200, Api.admin().post("/api/v1/approvals/" + firstApproval + "/revocation",
                "{\"reason\":\"legal withdrew the clearance\"}").statusCode());
        HttpResponse<String> refused = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(Api.json(refused).getJsonArray("violations").toString().contains("FINAL"), refused.body());
        assertEquals("APPROVED", Api.json(manager.get("/api/v1/jobs/" + jobId)).getString("state"), "nothing lost");

        String approval = finalApproval(s.title());
        HttpResponse<String> delivered = manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
        assertEquals(201, delivered.statusCode(), delivered.body());
        JsonObject delivery = Api.json(delivered);
        assertEquals("FINAL", delivery.getString("purpose"));
        assertFalse(delivery.containsKey("expiresAt"), "a FINAL delivery is kept: " + delivery);
        JsonObject manifest = (JsonObject) Api.parse(new String(manager.getBytes("/api/v1/deliveries/"
                + delivery.getString("id") + "/files/manifest.json", null).body(), StandardCharsets.UTF_8));
        assertEquals(List.of(approval), manifest.getJsonArray("writtenApprovalIds").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        for (JsonObject seg : manifest.getJsonArray("segments").getValuesAs(JsonObject.class)) {
            assertTrue(seg.getJsonArray("writtenApprovalIds").toString().contains(approval), seg.toString());
        }
        // approved, its files are the manager's to download
        JsonObject mix = current(manager, jobId, "FULL_MIX", "es");
        assertEquals(200, manager.getBytes("/api/v1/jobs/" + jobId + "/deliverables/" + mix.getString("id")
                + "/content", null).statusCode());
    }

    @Test
    void theQueueOffersOnlyWhatAwaitsAVerdictOfAJobInReview() {
        Dubbing d = new Dubbing("es");
        Api qa = Api.as("qa");
        String source = d.upload("queue.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 3, 330, 300)).getString("id");
        String jobId = d.submit(source, java.util.Map.of("es", Dubbing.script(2, 1000, 900, "Frase #.")), null);
        assertEquals("IN_REVIEW", d.awaitSettled(jobId, Duration.ofMinutes(2)).getString("state"));
        List<String> mine = qa.all("/api/v1/review-items?job=" + jobId + "&state=OPEN").stream()
                .map(i -> i.getString("id")).toList();
        assertTrue(mine.size() >= 3, "two lines and at least the mix's NO_MNE_ORIGINAL_AUDIBLE: " + mine);
        assertTrue(openQueue(qa).containsAll(mine));
        // the job list carries QA's progress, so the queue needs no request per job
        JsonObject listed = qa.all("/api/v1/jobs?state=IN_REVIEW").stream().filter(j -> j.getString("id").equals(jobId))
                .findFirst().orElseThrow();
        assertEquals(mine.size(), listed.getJsonObject("reviewItems").getJsonNumber("OPEN").longValue(), listed.toString());
        assertEquals(0, listed.getInt("round"));
        assertEquals(200, d.manager.post("/api/v1/jobs/" + jobId + "/cancel", null).statusCode());
        List<String> queue = openQueue(qa);
        assertTrue(mine.stream().noneMatch(queue::contains), "a cancelled job's items are not QA's work");
        assertEquals(mine, qa.all("/api/v1/review-items?job=" + jobId + "&state=OPEN").stream()
                .map(i -> i.getString("id")).toList(), "still listed under the job");
        HttpResponse<String> late = qa.post("/api/v1/review-items/" + mine.get(0) + "/verdict", "{\"verdict\":\"APPROVED\"}");
        assertEquals(409, late.statusCode(), late.body());
    }

    private static List<String> openQueue(Api qa) {
        return qa.all("/api/v1/review-items?state=OPEN").stream().map(i -> i.getString("id")).toList();
    }

    private static String finalApproval(String title) {
        HttpResponse<String> r = Api.admin().post("/api/v1/approvals", "{\"escalation\":\"FINAL_PURPOSE\","
                + "\"titleCode\":\"" + title + "\",\"text\":\"Legal clears the final Spanish dub of this title.\","
                + "\"validUntil\":\"" + Instant.now().plus(10, ChronoUnit.DAYS) + "\"}");
        assertEquals(201, r.statusCode(), r.body());
        return Api.json(r).getString("id");
    }

    private static JsonObject one(List<JsonObject> items, String language, String cueId) {
        List<JsonObject> found = items.stream().filter(i -> i.getString("language").equals(language)
                && cueId.equals(i.getString("cueId", null))).toList();
        assertEquals(1, found.size(), language + "/" + cueId + " in " + items);
        return found.get(0);
    }

    private static void verdict(Api qa, JsonObject item, String body) {
        HttpResponse<String> r = qa.post("/api/v1/review-items/" + item.getString("id") + "/verdict", body);
        assertEquals(200, r.statusCode(), r.body());
    }

    private static List<String> fields(HttpResponse<String> problem) {
        return Api.json(problem).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).sorted().toList();
    }

    /** The job's current lines by language/cue (the output's task says the language). */
    private static Map<String, JsonObject> byCue(List<JsonObject> outputs, Api manager, String jobId) {
        Map<String, String> languageOfTask = Dubbing.tasks(Api.json(manager.get("/api/v1/jobs/" + jobId))).stream()
                .filter(t -> t.containsKey("language")).collect(Collectors.toMap(t -> t.getString("id"),
                        t -> t.getString("language")));
        return outputs.stream().filter(o -> !o.getBoolean("superseded")).collect(Collectors.toMap(
                o -> languageOfTask.get(o.getString("taskId")) + "/" + o.getString("cueId"), o -> o));
    }

    /** The latest round's deliverable of a kind and language. */
    private static JsonObject current(Api manager, String jobId, String kind, String language) {
        return manager.all("/api/v1/jobs/" + jobId + "/deliverables").stream()
                .filter(d -> d.getString("kind").equals(kind) && language.equals(d.getString("language", null)))
                .max(java.util.Comparator.comparingInt(d -> d.getInt("round"))).orElseThrow();
    }



    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
