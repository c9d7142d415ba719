package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Upload → JMS probe → READY/REJECTED, and ranged download, on the real server with real FFmpeg. */
@ExtendWith(ArquillianExtension.class)
class MediaUploadIT {

    @TempDir
    Path tmp;

    @Test
    void everyGridClipBecomesReadyWithItsProbe() throws Exception {
        Api manager = Api.as("manager");
        for (Path clip : Testdata.gridClips()) {
            HttpResponse<String> upload = manager.upload(clip, "video/mpeg");
            assertEquals(202, upload.statusCode(), upload.body());
            JsonObject accepted = Api.json(upload);
            assertEquals("PENDING", accepted.getString("state"));
            assertTrue(upload.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/media/" + accepted.getString("id")));
            assertEquals(Files.size(clip), accepted.getJsonNumber("sizeBytes").longValue());

            JsonObject media = manager.awaitMediaDecided(accepted.getString("id"));
            assertEquals("READY", media.getString("state"), clip + ": " + media);
            JsonObject probe = media.getJsonObject("probe");
            assertEquals(3.0, probe.getJsonNumber("durationSeconds").doubleValue(), 0.05, clip.toString());
            var streams = probe.getJsonArray("streams").getValuesAs(JsonObject.class);
            var video = streams.stream().filter(s -> s.getString("type").equals("video")).toList();
            var audio = streams.stream().filter(s -> s.getString("type").equals("audio")).toList();
            assertEquals(1, video.size());
            assertEquals(360, video.get(0).getInt("width"));
            assertEquals(288, video.get(0).getInt("height"));
            assertEquals(25.0, video.get(0).getJsonNumber("frameRate").doubleValue(), 0.001);
            assertEquals(1, audio.size(), "exactly one audio stream");
            assertEquals(44100, audio.get(0).getInt("sampleRate"));
        }
    }

    @Test
    void truncatedClipIsRejectedWithReason() throws Exception {
        Path clip = Testdata.gridClips().get(0);
        byte[] half;
        try (InputStream in = Files.newInputStream(clip)) {
            half = in.readNBytes((int) (Files.size(clip) / 2));
        }
        JsonObject media = uploadAndWait(half, "cut.mpg", "video/mpeg");
        assertEquals("REJECTED", media.getString("state"));
        assertTrue(media.getString("reason").startsWith("TRUNCATED: "), media.getString("reason"));
        assertFalse(media.containsKey("probe"), "a rejected upload has no probe");
    }

    @Test
    void textFileNamedMp4IsRejectedByContent() {
        JsonObject media = uploadAndWait("Dear diary, today I uploaded a text file.\n".getBytes(), "film.mp4", "video/mp4");
        assertEquals("REJECTED", media.getString("state"));
        assertTrue(media.getString("reason").startsWith("NOT_MEDIA: not a recognised audio or video file"),
                media.getString("reason"));
    }

    @Test
    void emptyUploadIsRejected() {
        JsonObject media = uploadAndWait(new byte[0], "nothing.wav", "audio/wav");
        assertEquals("REJECTED", media.getString("state"));
        assertEquals("EMPTY: file is empty", media.getString("reason"));
    }

    @Test
    void contentDownloadsWholeAndByRange() throws Exception {
        Path clip = Testdata.gridClips().get(1);
        byte[] original = Files.readAllBytes(clip);
        Api qa = Api.as("qa");
        JsonObject media = uploadAndWait(original, clip.getFileName().toString(), "video/mpeg");
        String content = "/api/v1/media/" + media.getString("id") + "/content";

        HttpResponse<byte[]> whole = qa.getBytes(content, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(original, whole.body());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals("video/mpeg", whole.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<byte[]> middle = qa.getBytes(content, "bytes=1000-1999");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 1000-1999/" + original.length, middle.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(original, 1000, 2000), middle.body());

        HttpResponse<byte[]> tail = qa.getBytes(content, "bytes=-100");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(original, original.length - 100, original.length), tail.body());

        HttpResponse<byte[]> open = qa.getBytes(content, "bytes=" + (original.length - 10) + "-");
        assertEquals(206, open.statusCode());
        assertEquals(10, open.body().length);

        HttpResponse<byte[]> beyond = qa.getBytes(content, "bytes=" + original.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + original.length, beyond.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void sameBytesTwiceShareStorageButAreTwoRecords() throws Exception {
        byte[] bytes = Files.readAllBytes(Testdata.gridClips().get(2));
        JsonObject a = uploadAndWait(bytes, "a.mpg", "video/mpeg");
        JsonObject b = uploadAndWait(bytes, "b.mpg", "video/mpeg");
        assertNotEquals(a.getString("id"), b.getString("id"));
        assertEquals(a.getString("sha256"), b.getString("sha256"));
        assertEquals("READY", b.getString("state"));
    }

    @Test
    void theListIsNewestFirstPagedAndFilteredByStateWithoutProbes() throws Exception {
        byte[] bytes = Files.readAllBytes(Testdata.gridClips().get(1));
        JsonObject older = uploadAndWait(bytes, "older.mpg", "video/mpeg");
        JsonObject newer = uploadAndWait(bytes, "newer.mpg", "video/mpeg");
        JsonObject rejected = uploadAndWait("not media".getBytes(), "list.mov", "video/quicktime");
        Api manager = Api.as("manager");

        JsonObject ready = Api.json(manager.get("/api/v1/media?state=READY&limit=1"));
        JsonObject first = ready.getJsonArray("items").getJsonObject(0);
        assertEquals(newer.getString("id"), first.getString("id"), "newest first");
        assertEquals("READY", first.getString("state"));
        assertFalse(first.containsKey("probe"), "the list leaves the probe to GET /media/{id}");
        assertTrue(first.getJsonNumber("durationSeconds").doubleValue() > 1, first.toString());
        JsonObject next = Api.json(manager.get("/api/v1/media?state=READY&limit=1&after="
                + java.net.URLEncoder.encode(ready.getString("next"), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(older.getString("id"), next.getJsonArray("items").getJsonObject(0).getString("id"));

        JsonObject all = Api.json(manager.get("/api/v1/media?limit=1"));
        assertEquals(rejected.getString("id"), all.getJsonArray("items").getJsonObject(0).getString("id"));
        assertEquals(400, manager.get("/api/v1/media?state=MAYBE").statusCode());
        assertEquals(400, manager.get("/api/v1/media?after=yesterday").statusCode());
        assertEquals(403, Api.as("agent").get("/api/v1/media").statusCode());
    }

    @Test
    void contentOfRejectedMediaIsAConflict() {
        JsonObject media = uploadAndWait("not media".getBytes(), "x.mov", "video/quicktime");
        HttpResponse<String> r = Api.as("manager").get("/api/v1/media/" + media.getString("id") + "/content");
        assertEquals(409, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("is REJECTED, not READY"), r.body());
    }

    private JsonObject uploadAndWait(byte[] bytes, String name, String type) {
        Api manager = Api.as("manager");
        HttpResponse<String> upload = manager.upload(name, type, bytes);
        assertEquals(202, upload.statusCode(), upload.body());
        return manager.awaitMediaDecided(Api.json(upload).getString("id"));
    }
}
