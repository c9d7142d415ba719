package org.dubgate.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Temporary by default (R6): a TEMP delivery's files are removed from storage once its retention
 * ends — set to one second here, on the running server, as an operator would — while the delivery's
 * record and its manifest stay. The IT server sweeps every 2 s ({@code dubgate.delivery.sweep-seconds}).
 */
@ExtendWith(ArquillianExtension.class)
class DeliveryRetentionIT {

    private static final Path STORAGE = Path.of(System.getProperty("dubgate.it.server-dir"), "data", "dubgate",
            "storage", "objects");


    @Test
    void aTempDeliverysFilesGoWhenItsRetentionEndsAndItsRecordAndManifestStay() throws Exception {
        Dubbing d = new Dubbing("es");
        Api qa = Api.as("qa");
        // a tone and words of its own, so no other test's job shares these bytes (shared content is kept)
        long unique = System.nanoTime() % 400;
        String source = d.upload("retention.wav", "audio/wav", MediaChecks.toneWav(8_000, 1, 3, 200 + unique, 300))
                .getString("id");
        String jobId = d.submit(source, Map.of("es", Dubbing.script(2, 1000, 900, "Frase # " + unique + ".")), null);
        assertEquals("IN_REVIEW", d.awaitSettled(jobId, Duration.ofMinutes(2)).getString("state"));
        for (JsonObject item : qa.all("/api/v1/review-items?job=" + jobId)) {
            assertEquals(200, qa.post("/api/v1/review-items/" + item.getString("id") + "/verdict",
                    "{\"verdict\":\"APPROVED\"}").statusCode());
        }
        assertEquals("APPROVED", d.job(jobId).getString("state"));
        List<JsonObject> deliverables = d.manager.all("/api/v1/jobs/" + jobId + "/deliverables");
        List<JsonObject> outputs = d.manager.all("/api/v1/jobs/" + jobId + "/outputs");

        ServerProperties.set("dubgate.delivery.temp-retention", "PT1S");
        JsonObject delivery;
        try {
            HttpResponse<String> r = d.manager.post("/api/v1/jobs/" + jobId + "/delivery", "");
            assertEquals(201, r.statusCode(), r.body());
            delivery = Api.json(r);
        } finally {
            ServerProperties.remove("dubgate.delivery.temp-retention");
        }
        String id = delivery.getString("id");
        assertEquals("TEMP", delivery.getString("purpose"));
        assertTrue(delivery.containsKey("expiresAt"), delivery.toString());
        JsonObject expired = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.json(d.manager.get("/api/v1/deliveries/" + id)), x -> x.getString("state").equals("EXPIRED"));
        assertTrue(expired.containsKey("filesRemovedAt"), expired.toString());

        // the files are gone from storage (deleted once the delivery's record says so), answered 410 with the reason
        List<Path> stored = java.util.stream.Stream.concat(deliverables.stream(), outputs.stream())
                .map(f -> object(f.getString("sha256"))).toList();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> stored.stream().noneMatch(Files::exists));
        for (JsonObject f : deliverables) {
            HttpResponse<String> gone = d.manager.get("/api/v1/jobs/" + jobId + "/deliverables/" + f.getString("id")
                    + "/content");
            assertEquals(410, gone.statusCode(), gone.body());
            assertTrue(Api.json(gone).getString("detail").contains("retention"), gone.body());
        }
        for (JsonObject o : outputs) {
            assertEquals(410, d.manager.get("/api/v1/jobs/" + jobId + "/outputs/" + o.getString("id") + "/audio")
                    .statusCode());
        }
        HttpResponse<String> zip = d.manager.get("/api/v1/deliveries/" + id + "/package");
        assertEquals(410, zip.statusCode(), zip.body());
        // the record and the manifest stay
        HttpResponse<byte[]> manifest = d.manager.getBytes("/api/v1/deliveries/" + id + "/files/manifest.json", null);
        assertEquals(200, manifest.statusCode());
        assertTrue(new String(manifest.body()).contains(jobId));
        assertTrue(Api.admin().get("/api/v1/audit?subject=" + id).body().contains("DELIVERY_FILES_REMOVED"));
    }

    private static Path object(String sha) {
        return STORAGE.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }
}
