package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The 401/403 matrix for every role on every endpoint, and session tokens. */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

    private static final Set<String> ALL = Set.of("manager", "agent", "qa", "admin");
    private static final String NO_SUCH = UUID.randomUUID().toString();

    /** method, path, body content type, body, roles admitted. */
    private record Endpoint(String method, String path, String type, String body, Set<String> roles) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/sessions", null, null, ALL),
            new Endpoint("GET", "/api/v1/sessions/current", null, null, ALL),
            new Endpoint("DELETE", "/api/v1/sessions/current", null, null, ALL),
            new Endpoint("POST", "/api/v1/users", "application/json", "{}", Set.of("admin")),
            new Endpoint("GET", "/api/v1/users", null, null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/users/" + NO_SUCH, null, null, Set.of("admin")),
            new Endpoint("PUT", "/api/v1/users/" + NO_SUCH + "/roles", "application/json", "{\"roles\":[\"qa\"]}", Set.of("admin")),
            new Endpoint("POST", "/api/v1/users/" + NO_SUCH + "/disable", null, null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/users/" + NO_SUCH + "/enable", null, null, Set.of("admin")),
            new Endpoint("PUT", "/api/v1/users/me/password", "application/json", "{\"currentPassword\":\"wrong\",\"password\":\"x\"}", ALL),
            new Endpoint("POST", "/api/v1/media?name=matrix.bin", "application/octet-stream", "x", Set.of("manager")),
            new Endpoint("GET", "/api/v1/media/" + NO_SUCH, null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/media/" + NO_SUCH + "/content", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("POST", "/api/v1/performers", "application/json", "{}", Set.of("agent")),
            new Endpoint("GET", "/api/v1/performers", null, null, Set.of("agent", "manager", "admin")),
            new Endpoint("GET", "/api/v1/performers/" + NO_SUCH, null, null, Set.of("agent", "manager", "admin")),
            new Endpoint("PUT", "/api/v1/performers/" + NO_SUCH, "application/json", "{}", Set.of("agent", "admin")),
            new Endpoint("GET", "/api/v1/performers/" + NO_SUCH + "/grants", null, null, Set.of("agent", "admin")),
            new Endpoint("GET", "/api/v1/performers/" + NO_SUCH + "/usage", null, null, Set.of("agent", "admin")),
            new Endpoint("POST", "/api/v1/grants", "application/json", "{}", Set.of("agent")),
            new Endpoint("GET", "/api/v1/grants/" + NO_SUCH, null, null, Set.of("agent", "admin")),
            new Endpoint("POST", "/api/v1/grants/" + NO_SUCH + "/revocation", "application/json", "{}", Set.of("agent", "admin")),
            new Endpoint("POST", "/api/v1/consent-evidence", "application/pdf", "not a pdf", Set.of("agent")),
            new Endpoint("GET", "/api/v1/consent-evidence/" + NO_SUCH, null, null, Set.of("agent", "admin")),
            new Endpoint("GET", "/api/v1/consent-evidence/" + NO_SUCH + "/content", null, null, Set.of("agent", "admin")),
            new Endpoint("POST", "/api/v1/consent-checks", "application/json", "{}", Set.of("manager", "admin")),
            new Endpoint("POST", "/api/v1/approvals", "application/json", "{}", Set.of("admin")),
            new Endpoint("GET", "/api/v1/approvals", null, null, Set.of("admin", "manager")),
            new Endpoint("GET", "/api/v1/approvals/" + NO_SUCH, null, null, Set.of("admin", "manager")),
            new Endpoint("POST", "/api/v1/approvals/" + NO_SUCH + "/revocation", "application/json", "{}", Set.of("admin")),
            new Endpoint("POST", "/api/v1/models", "application/json", "{}", Set.of("admin")),
            new Endpoint("GET", "/api/v1/models", null, null, Set.of("admin", "manager", "qa")),
            new Endpoint("GET", "/api/v1/models/" + NO_SUCH, null, null, Set.of("admin", "manager", "qa")),
            new Endpoint("POST", "/api/v1/models/" + NO_SUCH + "/approval", "application/json", "{}", Set.of("admin")),
            new Endpoint("POST", "/api/v1/models/" + NO_SUCH + "/revocation", "application/json", "{}", Set.of("admin")),
            new Endpoint("GET", "/api/v1/models/" + NO_SUCH + "/artifact-check", null, null, Set.of("admin", "manager", "qa")),
            new Endpoint("GET", "/api/v1/audit", null, null, Set.of("admin")),
            new Endpoint("GET", "/api/v1/audit/verification", null, null, Set.of("admin")),
            new Endpoint("POST", "/api/v1/titles", "application/json", "{}", Set.of("manager", "admin")),
            new Endpoint("GET", "/api/v1/titles", null, null, ALL),
            new Endpoint("GET", "/api/v1/titles/NO-SUCH", null, null, ALL),
            new Endpoint("POST", "/api/v1/voices", "application/json", "{}", Set.of("manager", "admin")),
            new Endpoint("GET", "/api/v1/voices", null, null, Set.of("manager", "admin", "qa")),
            new Endpoint("GET", "/api/v1/voices/" + NO_SUCH, null, null, Set.of("manager", "admin", "qa")),
            new Endpoint("POST", "/api/v1/jobs", "application/json", "{}", Set.of("manager")),
            new Endpoint("GET", "/api/v1/jobs", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH, null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/outputs/" + NO_SUCH, null, null,
                    Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/deliverables/" + NO_SUCH, null, null,
                    Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/outputs", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/events", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("POST", "/api/v1/jobs/" + NO_SUCH + "/cancel", null, null, Set.of("manager")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/outputs/" + NO_SUCH + "/audio", null, null,
                    Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/deliverables", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/deliverables/" + NO_SUCH + "/content", null, null,
                    Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/checks", null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("POST", "/api/v1/jobs/" + NO_SUCH + "/delivery", null, null, Set.of("manager")),
            new Endpoint("GET", "/api/v1/jobs/" + NO_SUCH + "/delivery", null, null, Set.of("manager", "qa", "admin")),
            // the QA queue: qa gives verdicts; a manager may read it (to see what holds a job), never decide
            new Endpoint("GET", "/api/v1/review-items", null, null, Set.of("qa", "manager", "admin")),
            new Endpoint("GET", "/api/v1/review-items/" + NO_SUCH, null, null, Set.of("qa", "manager", "admin")),
            new Endpoint("POST", "/api/v1/review-items/" + NO_SUCH + "/verdict", "application/json",
                    "{\"verdict\":\"APPROVED\"}", Set.of("qa")),
            new Endpoint("GET", "/api/v1/review-items/" + NO_SUCH + "/mix", null, null, Set.of("qa", "admin")),
            new Endpoint("GET", "/api/v1/review-items/" + NO_SUCH + "/original", null, null, Set.of("qa", "admin")),
            new Endpoint("GET", "/api/v1/deliveries/" + NO_SUCH, null, null, Set.of("manager", "qa", "admin")),
            new Endpoint("GET", "/api/v1/deliveries/" + NO_SUCH + "/package", null, null, Set.of("manager", "admin")),
            new Endpoint("GET", "/api/v1/deliveries/" + NO_SUCH + "/files/manifest.json", null, null,
                    Set.of("manager", "admin")),
            new Endpoint("GET", "/api/v1/schemas/delivery-manifest.json", null, null, ALL));

    @Test
    void everyEndpointAnswers401WithoutCredentialsAnd403ToOtherRoles() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            HttpResponse<String> anonymous = call(Api.anonymous(), e);
            if (anonymous.statusCode() != 401 || anonymous.headers().firstValue("WWW-Authenticate").isEmpty()
                    || !anonymous.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")) {
                wrong.add("anonymous " + e.method() + " " + e.path() + " -> " + anonymous.statusCode());
            }
            for (String role : ALL) {
                HttpResponse<String> r = call(role.equals("admin") ? Api.admin() : Api.as(role), e);
                boolean admitted = e.roles().contains(role);
                boolean ok = admitted ? r.statusCode() != 401 && r.statusCode() != 403 : r.statusCode() == 403;
                if (!ok) {
                    wrong.add(role + " " + e.method() + " " + e.path() + " -> " + r.statusCode() + " " + r.body());
                }
                if (!admitted && !r.body().contains("requires one of the roles")) {
                    wrong.add(role + " " + e.method() + " " + e.path() + ": 403 body does not name the roles");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void wrongPasswordAndUnknownUserAre401() {
        HttpResponse<String> r = Api.basic("admin", "not-the-password").get("/api/v1/sessions/current");
        assertEquals(401, r.statusCode());
        assertEquals("invalid credentials, or the session has ended", Api.json(r).getString("detail"));
        assertEquals(401, Api.basic("nobody-" + UUID.randomUUID(), "whatever-long").get("/api/v1/sessions/current").statusCode());
        assertEquals(401, Api.anonymous().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/v1/sessions/current"))
                .header("Authorization", "Digest username=x")).statusCode());
    }

    @Test
    void sessionTokenWorksAsBearerAndCookieUntilSignOut() {
        String username = "session-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, "qa");
        HttpResponse<String> opened = Api.basic(username, Api.USER_PASSWORD).post("/api/v1/sessions", null);
        assertEquals(201, opened.statusCode(), opened.body());
        JsonObject session = Api.json(opened);
        String token = session.getString("token");
        assertEquals(List.of("qa"), session.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("dubgate_session=" + token), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);

        Api bearer = Api.bearer(token);
        assertEquals(username, Api.json(bearer.get("/api/v1/sessions/current")).getString("username"));
        HttpResponse<String> byCookie = Api.anonymous().send(HttpRequest.newBuilder(
                java.net.URI.create(Api.BASE + "/api/v1/sessions/current")).header("Cookie", "dubgate_session=" + token));
        assertEquals(200, byCookie.statusCode());

        int i = token.lastIndexOf('.') + 5;
        String forged = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        assertEquals(401, Api.bearer(forged).get("/api/v1/sessions/current").statusCode());

        assertEquals(204, bearer.delete("/api/v1/sessions/current").statusCode());
        assertEquals(401, bearer.get("/api/v1/sessions/current").statusCode(), "signed-out token is refused");
        assertEquals(200, Api.basic(username, Api.USER_PASSWORD).get("/api/v1/sessions/current").statusCode(),
                "the password still works after signing out");
    }

    @Test
    void aChangeMadeWithTheCookieNeedsTheRequestedWithHeader() {
        String username = "csrf-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, "manager");
        String token = Api.json(Api.basic(username, Api.USER_PASSWORD).post("/api/v1/sessions", null)).getString("token");
        String title = "{\"code\":\"CSRF-" + UUID.randomUUID().toString().substring(0, 6) + "\",\"name\":\"Forged\"}";
        java.net.URI titles = java.net.URI.create(Api.BASE + "/api/v1/titles");

        HttpResponse<String> forged = Api.anonymous().send(HttpRequest.newBuilder(titles)
                .header("Cookie", "dubgate_session=" + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(title)));
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("X-Requested-With"), forged.body());

        HttpResponse<String> portal = Api.anonymous().send(HttpRequest.newBuilder(titles)
                .header("Cookie", "dubgate_session=" + token).header("X-Requested-With", "dubgate-portal")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(title)));
        assertEquals(201, portal.statusCode(), portal.body());

        HttpResponse<String> scripted = Api.anonymous().send(HttpRequest.newBuilder(
                java.net.URI.create(Api.BASE + "/api/v1/sessions/current")).header("X-Requested-With", "dubgate-portal"));
        assertEquals(401, scripted.statusCode());
        assertEquals("Bearer realm=\"dubgate\"", scripted.headers().firstValue("WWW-Authenticate").orElseThrow(),
                "no Basic challenge, so the browser opens no password dialog over the portal");
        // what else a browser sends without the header — a download or an event stream after the session ended
        for (String[] header : List.of(new String[]{"Sec-Fetch-Site", "same-origin"},
                new String[]{"Cookie", "dubgate_session=ended." + token.substring(token.indexOf('.') + 1)})) {
            HttpResponse<String> browser = Api.anonymous().send(HttpRequest.newBuilder(
                    java.net.URI.create(Api.BASE + "/api/v1/media/" + UUID.randomUUID() + "/content")).header(header[0], header[1]));
            assertEquals(401, browser.statusCode(), header[0]);
            assertEquals("Bearer realm=\"dubgate\"", browser.headers().firstValue("WWW-Authenticate").orElseThrow(), header[0]);
        }
        assertTrue(Api.anonymous().get("/api/v1/sessions/current").headers().firstValue("WWW-Authenticate").orElseThrow()
                .startsWith("Basic"), "a plain client (curl) is still offered Basic");
    }

    @Test
    void disablingAUserEndsBasicAndTokenAccessAtOnce() {
        String username = "disable-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.createUser(username, "manager").getString("id");
        Api basic = Api.basic(username, Api.USER_PASSWORD);
        assertEquals(200, basic.get("/api/v1/sessions/current").statusCode(), "primes the credential cache");
        String token = Api.json(basic.post("/api/v1/sessions", null)).getString("token");

        JsonObject disabled = Api.json(Api.admin().post("/api/v1/users/" + id + "/disable", null));
        assertFalse(disabled.getBoolean("enabled"));
        assertEquals(401, basic.get("/api/v1/sessions/current").statusCode(), "cached Basic check does not outlive disable");
        assertEquals(401, Api.bearer(token).get("/api/v1/sessions/current").statusCode());

        Api.admin().post("/api/v1/users/" + id + "/enable", null);
        assertEquals(200, basic.get("/api/v1/sessions/current").statusCode());
        assertEquals(401, Api.bearer(token).get("/api/v1/sessions/current").statusCode(),
                "tokens from before the disable stay dead");
    }

    @Test
    void adminManagesRolesAgencyAndPasswords() {
        String username = "roles-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.createUser(username, "qa").getString("id");
        HttpResponse<String> agentWithoutAgency = Api.admin().put("/api/v1/users/" + id + "/roles", "{\"roles\":[\"agent\"]}");
        assertEquals(400, agentWithoutAgency.statusCode());
        HttpResponse<String> made = Api.admin().put("/api/v1/users/" + id + "/roles",
                "{\"roles\":[\"agent\",\"qa\"],\"agency\":\"Northern Lights Talent\"}");
        assertEquals(200, made.statusCode(), made.body());
        assertEquals("Northern Lights Talent", Api.json(made).getString("agency"));
        assertEquals(200, Api.basic(username, Api.USER_PASSWORD).get("/api/v1/sessions/current").statusCode());

        String newPassword = "a much better passphrase";
        assertEquals(204, Api.basic(username, Api.USER_PASSWORD).put("/api/v1/users/me/password",
                "{\"currentPassword\":\"" + Api.USER_PASSWORD + "\",\"password\":\"" + newPassword + "\"}").statusCode());
        assertEquals(401, Api.basic(username, Api.USER_PASSWORD).get("/api/v1/sessions/current").statusCode());
        assertEquals(200, Api.basic(username, newPassword).get("/api/v1/sessions/current").statusCode());

        HttpResponse<String> duplicate = Api.admin().post("/api/v1/users", "{\"username\":\"" + username
                + "\",\"password\":\"" + Api.USER_PASSWORD + "\",\"roles\":[\"qa\"]}");
        assertEquals(409, duplicate.statusCode());

        JsonObject me = Api.json(Api.admin().get("/api/v1/sessions/current"));
        HttpResponse<String> selfDisable = Api.admin().post("/api/v1/users/" + adminId(me) + "/disable", null);
        assertEquals(409, selfDisable.statusCode(), "an admin cannot lock themselves out");
    }

    @Test
    void userListIsCursorPaged() {
        for (int i = 0; i < 3; i++) {
            Api.createUser("page-" + UUID.randomUUID().toString().substring(0, 8), "qa");
        }
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonObject page = Api.json(Api.admin().get("/api/v1/users?limit=2" + (next == null ? "" : "&after=" + next)));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(u -> seen.add(u.getString("username")));
            next = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
        } while (next != null);
        assertTrue(seen.size() >= 4, seen.toString());
        assertEquals(seen.stream().sorted().toList(), seen, "ordered by username");
        assertEquals(seen.size(), Set.copyOf(seen).size(), "no user twice");
    }

    private static String adminId(JsonObject me) {
        String next = null;
        do {
            JsonObject page = Api.json(Api.admin().get("/api/v1/users?limit=100" + (next == null ? "" : "&after=" + next)));
            for (JsonObject u : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (u.getString("username").equals(me.getString("username"))) {
                    return u.getString("id");
                }
            }
            next = page.containsKey("next") && !page.isNull("next") ? page.getString("next") : null;
        } while (next != null);
        return fail("admin not listed");
    }

    private static HttpResponse<String> call(Api api, Endpoint e) {
        return api.method(e.method(), e.path(), e.type(), e.body() == null ? null : e.body().getBytes());
    }
}
