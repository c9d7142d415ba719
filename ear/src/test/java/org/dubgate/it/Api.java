package org.dubgate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** A small HTTP client for the dubgate API as each role sees it. */
public final class Api {

    public static final String BASE = System.getProperty("dubgate.it.base-url", "http://127.0.0.1:8180");
    public static final String ADMIN_PASSWORD = System.getProperty("dubgate.it.admin-password");
    public static final String USER_PASSWORD = "correct horse battery staple";
    private static final Map<String, Api> BY_ROLE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String authorization;
    private final String base;

    private Api(String authorization) {
        this(authorization, BASE);
    }

    private Api(String authorization, String base) {
        this.authorization = authorization;
        this.base = base;
    }

    /** The same caller against another server (another node of a cluster). */
    public Api at(String otherBase) {
        return new Api(authorization, otherBase);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    public static Api basic(String username, String password) {
        return new Api("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Api bearer(String token) {
        return new Api("Bearer " + token);
    }

    public static Api admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    /** A user holding just this role (created once per test run, with a unique name). */
    public static Api as(String role) {
        return BY_ROLE.computeIfAbsent(role, r -> {
            String username = r + "-" + UUID.randomUUID().toString().substring(0, 8);
            createUser(username, r);
            return basic(username, USER_PASSWORD);
        });
    }

    public static JsonObject createUser(String username, String role) {
        return createUser(username, role, "Agency " + username);
    }

    /** A user with one role; {@code agency} is used only for agents. */
    public static JsonObject createUser(String username, String role, String agencyName) {
        String agency = role.equals("agent") ? ",\"agency\":\"" + agencyName + "\"" : "";
        HttpResponse<String> r = admin().post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\""
                + USER_PASSWORD + "\",\"roles\":[\"" + role + "\"]" + agency + "}");
        assertEquals(201, r.statusCode(), r.body());
        return json(r);
    }

    public String authorizationHeader() {
        return authorization;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<byte[]> getBytes(String path, String range) {
        HttpRequest.Builder b = request(path).GET();
        if (range != null) {
            b.header("Range", range);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> method(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    public HttpResponse<String> upload(String name, String contentType, byte[] bytes) {
        return postBytes("/api/v1/media?name=" + name, contentType, bytes);
    }

    public HttpResponse<String> postBytes(String path, String contentType, byte[] bytes) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    public HttpResponse<String> upload(Path file, String contentType) {
        try {
            return send(request("/api/v1/media?name=" + file.getFileName()).header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofFile(file)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls a media record until it leaves PENDING. */
    public JsonObject awaitMediaDecided(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject media = json(get("/api/v1/media/" + id));
            if (!media.getString("state").equals("PENDING")) {
                return media;
            }
            sleep(200);
        }
        return fail("media " + id + " still PENDING after 90 s");
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder builder, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(builder.build(), handler);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request to this server as this caller, for the callers that read a response their own way. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    public static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    /** Every item of a cursor-paged list ({@code {items, next}}), following {@code next} to the last page. */
    public List<JsonObject> all(String path) {
        List<JsonObject> items = new java.util.ArrayList<>();
        String next = null;
        do {
            HttpResponse<String> r = get(path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (next == null ? "" : "&after=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertEquals(200, r.statusCode(), r.body());
            JsonObject page = json(r);
            items.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
            next = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
        } while (next != null);
        return items;
    }

    /** A JSON array response as its objects. */
    public static List<JsonObject> json2(HttpResponse<String> response) {
        return ((jakarta.json.JsonArray) parse(response.body())).getValuesAs(JsonObject.class);
    }

    public static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
