package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** Every failure leaves the API as RFC 9457 problem+json with type, title, status, detail, instance. */
@ExtendWith(ArquillianExtension.class)
class ProblemDetailsIT {

    private static final long LIMIT = Long.getLong("dubgate.it.upload-limit", 5_000_000);
    private static final Path SERVER = Path.of(System.getProperty("dubgate.it.server-dir", "target/it-server"));

    @Test
    void validationErrorsNameEveryFieldAtOnce() {
        HttpResponse<String> r = Api.admin().post("/api/v1/users",
                "{\"username\":\"Bad Name!\",\"password\":\"short\",\"roles\":[\"qa\",\"wizard\"]}");
        JsonObject p = problem(r, 400, "/api/v1/users");
        assertEquals("urn:dubgate:problem:validation", p.getString("type"));
        List<String> fields = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertEquals(List.of("username", "password", "roles[1]"), fields);
    }

    @Test
    void malformedJsonAndMissingBodyAre400() {
        JsonObject malformed = problem(Api.admin().post("/api/v1/users", "{\"username\": "), 400, "/api/v1/users");
        assertEquals("urn:dubgate:problem:malformed-body", malformed.getString("type"));
        JsonObject missing = problem(Api.admin().post("/api/v1/users", null), 400, "/api/v1/users");
        assertEquals("body", missing.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void unknownIdsAndPathsAre404() {
        String id = UUID.randomUUID().toString();
        JsonObject p = problem(Api.as("manager").get("/api/v1/media/" + id), 404, "/api/v1/media/" + id);
        assertEquals("about:blank", p.getString("type"));
        assertEquals("no media with id " + id, p.getString("detail"));
        problem(Api.as("manager").get("/api/v1/media/not-a-uuid"), 404, "/api/v1/media/not-a-uuid");
        problem(Api.admin().get("/api/v1/no-such-thing"), 404, "/api/v1/no-such-thing");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        String path = "/api/v1/media/" + UUID.randomUUID();
        HttpResponse<String> r = Api.as("manager").delete(path);
        problem(r, 405, path);
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("GET"), r.headers().map().toString());
    }

    @Test
    void wrongContentTypeIs415() {
        problem(Api.as("manager").method("POST", "/api/v1/media", "application/json", "{}".getBytes()), 415, "/api/v1/media");
        problem(Api.admin().method("POST", "/api/v1/users", "text/plain", "hello".getBytes()), 415, "/api/v1/users");
    }

    @Test
    void declaredOversizeUploadIs413BeforeAnyByteIsStored() throws Exception {
        byte[] big = new byte[(int) LIMIT + 1];
        JsonObject p = problem(Api.as("manager").upload("big.bin", "application/octet-stream", big), 413, "/api/v1/media");
        assertEquals(LIMIT, p.getJsonNumber("limitBytes").longValue());
        assertNoPartialUploadsLeft();
    }

    @Test
    void streamedOversizeUploadIs413AndLeavesNothing() throws Exception {
        // no Content-Length: the limit is found while streaming, and the partial file is removed
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofByteArrays(Stream.generate(() -> new byte[64 * 1024])
                        .limit(LIMIT / (64 * 1024) + 2).toList()));
        HttpResponse<String> r;
        try {
            r = Api.anonymous().send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/v1/media?name=stream.bin"))
                    .header("Authorization", authorizationOf("manager"))
                    .header("Content-Type", "application/octet-stream").POST(chunked));
        } catch (IllegalStateException connectionClosedWhileSending) {
            // the server may close the connection as soon as it refuses; what matters is what it kept
            assertNoPartialUploadsLeft();
            return;
        }
        problem(r, 413, "/api/v1/media");
        assertNoPartialUploadsLeft();
    }

    @Test
    void unexpectedFailureIs500WithCorrelationIdAndNoStackTrace() throws Exception {
        Path clip = Testdata.gridClips().get(3);
        Api manager = Api.as("manager");
        String id = Api.json(manager.upload(clip, "video/mpeg")).getString("id");
        JsonObject media = manager.awaitMediaDecided(id);
        assertEquals("READY", media.getString("state"));
        // the stored object disappears behind the server's back (a lost disk, an operator's mistake)
        String sha = media.getString("sha256");
        Path object = SERVER.resolve("data/dubgate/storage/objects").resolve(sha.substring(0, 2))
                .resolve(sha.substring(2, 4)).resolve(sha);
        byte[] saved = Files.readAllBytes(object);
        Files.delete(object);
        try {
            HttpResponse<String> r = manager.get("/api/v1/media/" + id + "/content");
            JsonObject p = problem(r, 500, "/api/v1/media/" + id + "/content");
            String correlationId = p.getString("correlationId");
            assertFalse(r.body().contains("Exception"), r.body());
            assertFalse(r.body().contains("at org."), r.body());
            String log = Files.readString(SERVER.resolve("log/server.log"));
            assertTrue(log.contains("correlation id " + correlationId), "the log carries the correlation id");
        } finally {
            Files.write(object, saved);
        }
    }

    private static String authorizationOf(String role) {
        return Api.as(role).authorizationHeader();
    }

    private static void assertNoPartialUploadsLeft() throws Exception {
        Path incoming = SERVER.resolve("data/dubgate/storage/incoming");
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            try (Stream<Path> files = Files.list(incoming)) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> files = Files.list(incoming)) {
            fail("partial uploads left behind: " + files.toList());
        }
    }

    static JsonObject problem(HttpResponse<String> r, int status, String instance) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        JsonObject p = Api.json(r);
        assertEquals(status, p.getInt("status"));
        assertFalse(p.getString("type").isBlank());
        assertFalse(p.getString("title").isBlank());
        assertFalse(p.getString("detail").isBlank());
        assertEquals(instance, p.getString("instance"));
        return p;
    }
}
