package org.dubgate.application.delivery;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The manifest as built validates against the schema it names, and the schema refuses what R7 forbids. */
class DeliveryManifestTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SHA = "ab".repeat(32);

    static Schema schema() throws IOException {
        try (InputStream in = DeliveryManifest.class.getResourceAsStream(DeliveryManifest.SCHEMA_RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }

    private static JsonObject manifest() {
        return manifest(List.of());
    }

    private static DeliveryManifest.Alteration shot(UUID model) {
        return new DeliveryManifest.Alteration("es", "ANNA", Duration.ofMillis(1500), Duration.ofMillis(2950),
                Duration.ofMillis(1440), Duration.ofMillis(3480), new DeliveryManifest.Region(120, 180, 96, 48),
                new DeliveryManifest.Model(model, "mouth-warp", "mouth-warp", "1", "ef".repeat(32)), UUID.randomUUID(),
                UUID.randomUUID(), "Anna", 0.05, 0.61, List.of(), new DeliveryManifest.Review(UUID.randomUUID(), "APPROVED", "qa", NOW));
    }

    private static JsonObject manifest(List<DeliveryManifest.Alteration> alterations) {
        UUID model = UUID.randomUUID();
        DeliveryManifest.Segment line = new DeliveryManifest.Segment("c1", "es", "ANNA", Duration.ofMillis(1500),
                Duration.ofMillis(2950), SHA, new DeliveryManifest.Model(model, "espeak-ng es", "espeak-ng", "1.51",
                "cd".repeat(32)), Optional.of(UUID.randomUUID()), Optional.of(UUID.randomUUID()), Optional.of("Anna"),
                List.of(), new DeliveryManifest.Review(UUID.randomUUID(), "APPROVED", "qa", NOW));
        return DeliveryManifest.of(new DeliveryManifest.Facts(UUID.randomUUID(), NOW, "manager",
                new DeliveryManifest.Job(UUID.randomUUID(), "T-1", "ES", "TEMP", Optional.of("en"), "STREAMING", NOW, SHA),
                List.of(new DeliveryManifest.Language("es", true, List.of("es/dialogue-stem.wav", "es/full-mix.wav"))),
                List.of(new DeliveryManifest.File("es/full-mix.wav", "FULL_MIX", Optional.of("es"), SHA, 10, "audio/wav",
                                true),
                        new DeliveryManifest.File("programme.mkv", "PROGRAMME", Optional.empty(), SHA, 10,
                                "video/x-matroska", true)),
                List.of(line), alterations, List.of(), "0.1.0"));
    }

    @Test
    void theManifestValidatesAndSaysHowEverySyntheticSegmentWasMade() throws IOException {
        JsonObject m = manifest();
        List<Error> errors = schema().validate(m.toString(), InputFormat.JSON);
        assertEquals(List.of(), errors, m.toString());
        JsonObject segment = m.getJsonArray("segments").getJsonObject(0);
        assertEquals(DeliveryManifest.TRAINED, segment.getString("digitalSourceType"));
        assertEquals(1.5, segment.getJsonNumber("start").doubleValue());
        assertEquals(List.of("c2pa.opened", "c2pa.translated", "c2pa.dubbed", "c2pa.mixed"), m.getJsonArray("actions")
                .getValuesAs(JsonObject.class).stream().map(a -> a.getString("action")).toList());
        assertEquals(DeliveryManifest.COMPOSITE, m.getJsonArray("files").getJsonObject(0).getString("digitalSourceType"));
    }

    @Test
    void aSegmentWithoutItsModelOrAnUnapprovedVerdictDoesNotValidate() throws IOException {
        JsonObject m = manifest();
        JsonObject segment = m.getJsonArray("segments").getJsonObject(0);
        JsonObject noModel = Json.createObjectBuilder(m).add("segments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(segment).remove("model"))).build();
        assertFalse(schema().validate(noModel.toString(), InputFormat.JSON).isEmpty());
        JsonObject rejected = Json.createObjectBuilder(m).add("segments", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(segment).add("qa", Json.createObjectBuilder(segment.getJsonObject("qa"))
                        .add("verdict", "REJECTED")))).build();
        assertFalse(schema().validate(rejected.toString(), InputFormat.JSON).isEmpty(), "only approved lines ship");
    }

    @Test
    void aLipSyncedShotIsListedWithItsRegionModelGrantAndSyncAndIsADubbedActionOnTheLips() throws IOException {
        JsonObject m = manifest(List.of(shot(UUID.randomUUID())));
        assertEquals(List.of(), schema().validate(m.toString(), InputFormat.JSON), m.toString());
        JsonObject shot = m.getJsonArray("alterations").getJsonObject(0);
        assertEquals(DeliveryManifest.COMPOSITE, shot.getString("digitalSourceType"));
        assertEquals(96, shot.getJsonObject("region").getInt("width"));
        assertEquals(0.61, shot.getJsonObject("sync").getJsonNumber("after").doubleValue());
        JsonObject lips = m.getJsonArray("actions").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("action").equals("c2pa.dubbed") && a.getString("digitalSourceType")
                        .equals(DeliveryManifest.COMPOSITE)).findFirst().orElseThrow(() -> new AssertionError(m.toString()));
        assertEquals("lips", lips.getJsonObject("parameters").getString("region"));
        JsonObject change = lips.getJsonArray("changes").getJsonObject(0);
        assertEquals("temporal", change.getJsonArray("region").getJsonObject(0).getString("type"));
        assertEquals("1.500", change.getJsonArray("region").getJsonObject(0).getJsonObject("time").getString("start"));
        assertEquals(180, change.getJsonArray("region").getJsonObject(1).getJsonObject("shape")
                .getJsonObject("origin").getInt("y"));
        assertFalse(manifest().containsKey("alterations"), "no lip-sync, no alterations listed");
    }

    @Test
    void aLipSyncedShotWithoutItsGrantOrMarkedAsAPlainTrainedOutputDoesNotValidate() throws IOException {
        JsonObject m = manifest(List.of(shot(UUID.randomUUID())));
        JsonObject shot = m.getJsonArray("alterations").getJsonObject(0);
        JsonObject noGrant = Json.createObjectBuilder(m).add("alterations", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(shot).remove("consentGrantId"))).build();
        assertFalse(schema().validate(noGrant.toString(), InputFormat.JSON).isEmpty());
        JsonObject trained = Json.createObjectBuilder(m).add("alterations", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(shot).add("digitalSourceType", DeliveryManifest.TRAINED))).build();
        assertFalse(schema().validate(trained.toString(), InputFormat.JSON).isEmpty(),
                "an altered picture is a composite with trained algorithmic media");
    }
}
