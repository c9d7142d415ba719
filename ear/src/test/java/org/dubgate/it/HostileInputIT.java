package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a careless or hostile client sends: jobs without a purpose, scripts beyond the stated limits,
 * a line longer than a cue may be, text that is not valid UTF-8, and WAV files whose header promises
 * audio the file does not hold. Each is answered with a clear 400 (or a REJECTED upload), never a 500
 * and never silently.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    /** The documented defaults (README, "Configuration"). */
    static final int MAX_CUES_PER_SCRIPT = 10_000;
    static final int MAX_CUES_PER_JOB = 40_000;
    static final int MAX_CUE_CHARS = 1_000;

    private static String title;
    private static String source;

    /** A title and a READY 65-second tone to dub over, made once for the class. */
    private static synchronized Api manager() {
        Api manager = Api.as("manager");
        if (title == null) {
            String code = "HOSTILE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + code + "\",\"name\":\"Hostile\"}").statusCode());
            String id = Api.json(manager.upload("tone.wav", "audio/wav", MediaChecks.toneWav(16_000, 1, 65, 220, 500)))
                    .getString("id");
            assertEquals("READY", manager.awaitMediaDecided(id).getString("state"));
            title = code;
            source = id;
        }
        return manager;
    }

    /** A TEMP job: one target per script, each cast with {@code character} kept ORIGINAL. */
    private static JsonObjectBuilder job(String character, String... webvttScripts) {
        manager();
        JsonArrayBuilder targets = Json.createArrayBuilder();
        String[] languages = {"es", "fr", "de", "it", "pt", "nl", "sv"};
        for (int i = 0; i < webvttScripts.length; i++) {
            targets.add(Json.createObjectBuilder().add("language", languages[i])
                    .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", webvttScripts[i]))
                    .add("characters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("character", character).add("approach", "ORIGINAL"))));
        }
        return Json.createObjectBuilder().add("title", title).add("sourceMediaId", source).add("territory", "ES")
                .add("purpose", "TEMP").add("targets", targets);
    }

    private static List<JsonObject> errors(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class);
    }

    private static JsonObject validationProblem(HttpResponse<String> r) {
        JsonObject p = ProblemDetailsIT.problem(r, 400, "/api/v1/jobs");
        assertEquals("urn:dubgate:problem:validation", p.getString("type"), r.body());
        return p;
    }

    @Test
    void jobWithoutPurposeIsTemp() {
        HttpResponse<String> r = manager().post("/api/v1/jobs",
                job("NARRATOR", Dubbing.script(2, 1000, 800, "Line #.")).remove("purpose").build().toString());
        assertEquals(201, r.statusCode(), r.body());
        assertEquals("TEMP", Api.json(r).getString("purpose"), "R6: TEMP unless FINAL is asked for");
    }

    @Test
    void openApiSaysPurposeDefaultsToTemp() {
        JsonObject doc = Api.json(Api.anonymous().get("/openapi?format=JSON"));
        JsonObject post = doc.getJsonObject("paths").getJsonObject("/api/v1/jobs").getJsonObject("post");
        String said = post.getString("summary", "") + " " + post.getString("description", "");
        assertTrue(said.contains("purpose") && said.contains("TEMP"), "POST /jobs tells the default: " + post);
        JsonObject purpose = doc.getJsonObject("components").getJsonObject("schemas").getJsonObject("JobRequest")
                .getJsonObject("properties").getJsonObject("purpose");
        assertEquals("TEMP", purpose.getString("default"), "JobRequest.purpose: " + purpose);
    }

    @Test
    void lineLongerThanTheCueLimitIsA400NamingTheCueAndTheLimit() {
        // once answered 500: the text did not fit the job_cue.text column (varchar 4000)
        for (String line : new String[]{"x".repeat(5_000), "word ".repeat(1_000)}) {
            String script = "WEBVTT\n\nc1\n00:01.000 --> 00:02.000\n<v NARRATOR>Short.\n\n"
                    + "c2\n00:03.000 --> 00:09.000\n<v NARRATOR>" + line + "\n";
            JsonObject p = validationProblem(manager().post("/api/v1/jobs", job("NARRATOR", script).build().toString()));
            JsonObject e = errors(p).get(0);
            assertEquals("targets[0].script", e.getString("field"), p.toString());
            String message = e.getString("message");
            assertTrue(message.contains("cue c2") && message.contains("line 8"), message);
            assertTrue(message.contains(String.valueOf(MAX_CUE_CHARS)), "names the limit: " + message);
            assertEquals(1, p.getInt("errorCount"), p.toString());
        }
    }

    @Test
    void scriptWithMoreCuesThanTheLimitIsRefusedAtOnce() {
        String script = Dubbing.script(MAX_CUES_PER_SCRIPT + 1, 6, 5, "L#");
        long t0 = System.nanoTime();
        HttpResponse<String> r = manager().post("/api/v1/jobs", job("SOMEONE", script).build().toString());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        JsonObject p = validationProblem(r);
        assertEquals(1, errors(p).size(), "only the limit, not a problem per cue: " + r.body().length() + " bytes");
        assertEquals("targets[0].script", errors(p).get(0).getString("field"));
        assertTrue(errors(p).get(0).getString("message").contains("more than " + MAX_CUES_PER_SCRIPT + " cues"), p.toString());
        assertTrue(millis < 5_000, "refused in " + millis + " ms");
    }

    @Test
    void jobWithMoreCuesThanTheJobLimitIsRefusedAtOnce() {
        int perScript = MAX_CUES_PER_JOB / 5 + 1;
        String script = Dubbing.script(perScript, 7, 5, "L#");
        HttpResponse<String> r = manager().post("/api/v1/jobs",
                job("SOMEONE", script, script, script, script, script).build().toString());
        JsonObject p = validationProblem(r);
        assertEquals(1, errors(p).size(), p.getString("detail"));
        JsonObject e = errors(p).get(0);
        assertEquals("targets[4].script", e.getString("field"));
        assertTrue(e.getString("message").contains("more than " + MAX_CUES_PER_JOB + " cues"), e.toString());
    }

    @Test
    void listedErrorsAreCappedAtAHundredWithTheTotal() {
        // 150 cues of a character the cast plan does not have: 150 problems
        HttpResponse<String> r = manager().post("/api/v1/jobs",
                job("SOMEONE", Dubbing.script(150, 300, 200, "Line #.")).build().toString());
        JsonObject p = validationProblem(r);
        assertEquals(100, errors(p).size());
        assertEquals(150, p.getInt("errorCount"));
        assertTrue(p.getString("detail").contains("150"), p.getString("detail"));
    }

    @Test
    void invalidUtf8InTheBodyIsA400NotReplacement() {
        String body = job("NARRATOR", Dubbing.script(1, 1000, 800, "caf@ con leche")).build().toString();
        int at = body.indexOf('@');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(body.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // "é" in ISO-8859-1: not UTF-8
        bytes.writeBytes(body.substring(at + 1).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = manager().method("POST", "/api/v1/jobs", "application/json", bytes.toByteArray());
        JsonObject p = validationProblem(r);
        JsonObject e = errors(p).get(0);
        assertEquals("body", e.getString("field"), p.toString());
        assertTrue(e.getString("message").contains("UTF-8") && e.getString("message").contains("byte " + at),
                e.toString());
    }

    @Test
    void loneSurrogateInAScriptIsA400() {
        // JSON can escape half a surrogate pair, which no UTF-8 text can hold
        String body = job("NARRATOR", Dubbing.script(1, 1000, 800, "Hola @")).build().toString().replace("@", "\\ud800");
        JsonObject p = validationProblem(manager().post("/api/v1/jobs", body));
        JsonObject e = errors(p).get(0);
        assertEquals("targets[0].script", e.getString("field"), p.toString());
        assertTrue(e.getString("message").contains("line 5") && e.getString("message").contains("surrogate"),
                e.toString());
    }

    /** A 48 kHz stereo 16-bit WAV header declaring {@code declaredBytes} of audio, followed by {@code actualBytes}. */
    static byte[] wav(int declaredBytes, int actualBytes) {
        ByteBuffer b = ByteBuffer.allocate(44 + actualBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + declaredBytes).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(48_000).putInt(48_000 * 4).putShort((short) 4)
                .putShort((short) 16).put("data".getBytes()).putInt(declaredBytes);
        return b.array();
    }

    @Test
    void wavWhoseHeaderPromisesMoreThanItHoldsIsRejected() {
        Api manager = Api.as("manager");
        for (byte[] wav : List.of(wav(100_000_000, 0), wav(100_000_000, 48_000 * 4), wav(0, 0))) {
            String id = Api.json(manager.upload("liar.wav", "audio/wav", wav)).getString("id");
            JsonObject media = manager.awaitMediaDecided(id);
            assertEquals("REJECTED", media.getString("state"), media.toString());
            assertFalse(media.getString("reason", "").isBlank(), media.toString());
        }
    }

    /** A script previewed as POST /jobs would read it: its cues, every problem with its line, or a 400 for no format. */
    @Test
    void aScriptPreviewGivesTheCuesOrEveryProblemWithItsLineAndStoresNothing() {
        Api manager = Api.as("manager");
        HttpResponse<String> good = manager.post("/api/v1/script-previews", "{\"format\":\"SRT\",\"text\":"
                + "\"1\\n00:00:00,100 --> 00:00:01,400\\nANNA: Pon el azul.\\n\"}");
        assertEquals(200, good.statusCode(), good.body());
        JsonObject cues = Api.json(good);
        assertEquals(1, cues.getInt("cueCount"));
        assertEquals("Pon el azul.", cues.getJsonArray("cues").getJsonObject(0).getString("text"));
        assertEquals("ANNA", cues.getJsonArray("cues").getJsonObject(0).getString("character"));

        HttpResponse<String> broken = manager.post("/api/v1/script-previews", "{\"format\":\"SRT\",\"text\":"
                + "\"1\\n00:00:00,100 --> 00:00:01,400\\nUno.\\n\\n2\\n00:00:01,500 -> 00:00:02,900\\nDos.\\n\"}");
        assertEquals(200, broken.statusCode(), broken.body());
        JsonObject problems = Api.json(broken);
        assertFalse(problems.getJsonArray("errors").isEmpty(), broken.body());
        assertTrue(problems.getJsonArray("errors").getJsonObject(0).getString("where").contains("line 6"), broken.body());

        HttpResponse<String> noFormat = manager.post("/api/v1/script-previews", "{\"format\":\"DOCX\",\"text\":\"x\"}");
        assertEquals(400, noFormat.statusCode(), noFormat.body());
        assertTrue(noFormat.body().contains("script.format"), noFormat.body());
        assertEquals(403, Api.as("agent").post("/api/v1/script-previews", "{\"format\":\"SRT\",\"text\":\"x\"}")
                .statusCode());
    }

}
