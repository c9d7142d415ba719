package org.dubgate.application.delivery;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery's {@code manifest.json} (R7), as the published schema ({@link #SCHEMA}) describes it:
 * every file with its SHA-256; every synthesized segment with its cue, span, IPTC digital source type,
 * the model (id, version, artifact hash), the consent grant and performer, the written approvals and
 * the QA verdict with its reviewer; and the job's history as C2PA actions ({@code c2pa.opened},
 * {@code c2pa.translated}, {@code c2pa.dubbed}, {@code c2pa.mixed}) so a C2PA signer can add a signed
 * manifest store later.
 */
public final class DeliveryManifest {

    /** Where the schema is served, and its {@code $id}. */
    public static final String SCHEMA = "https://dubgate.org/schemas/delivery-manifest/v1.json";
    /** The classpath resource holding the schema. */
    public static final String SCHEMA_RESOURCE = "/org/dubgate/delivery/manifest.schema.json";
    public static final String TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";
    public static final String COMPOSITE =
            "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

    private DeliveryManifest() {
    }

    /** What the manifest says of the job. */
    public record Job(UUID id, String title, String territory, String purpose, Optional<String> originalLanguage,
                      String deliveryProfile, Instant submittedAt, String sourceSha256) {
    }

    /** A file of the package. {@code aiGenerated}: it holds synthesized dialogue. */
    public record File(String name, String kind, Optional<String> language, String sha256, long size, String mediaType,
                       boolean aiGenerated) {
    }

    /** The model that made a segment. */
    public record Model(UUID id, String name, String engine, String version, String sha256) {
    }

    /** The QA verdict on a segment. */
    public record Review(UUID itemId, String verdict, String reviewer, Instant decidedAt) {
    }

    /** One synthesized line as delivered. */
    public record Segment(String cueId, String language, String character, Duration start, Duration end,
                          String outputSha256, Model model, Optional<UUID> grantId, Optional<UUID> performerId,
                          Optional<String> performerName, List<UUID> writtenApprovalIds, Review review) {
    }

    /** One target language: where it was translated from, and whether any of its dialogue is synthesized. */
    public record Language(String language, boolean synthetic, List<String> files) {
    }

    public record Facts(UUID deliveryId, Instant createdAt, String createdBy, Job job, List<Language> languages,
                        List<File> files, List<Segment> segments, List<UUID> writtenApprovalIds,
                        String softwareVersion) {
    }

    public static JsonObject of(Facts f) {
        JsonObjectBuilder job = Json.createObjectBuilder().add("id", f.job().id().toString())
                .add("title", f.job().title()).add("territory", f.job().territory())
                .add("purpose", f.job().purpose()).add("deliveryProfile", f.job().deliveryProfile());
        f.job().originalLanguage().ifPresent(l -> job.add("originalLanguage", l));
        JsonArrayBuilder files = Json.createArrayBuilder();
        for (File file : f.files()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("name", file.name()).add("kind", file.kind())
                    .add("sha256", file.sha256()).add("size", file.size()).add("mediaType", file.mediaType())
                    .add("aiGenerated", file.aiGenerated());
            file.language().ifPresent(l -> b.add("language", l));
            if (file.aiGenerated()) {
                b.add("digitalSourceType", COMPOSITE);
            }
            files.add(b);
        }
        JsonArrayBuilder segments = Json.createArrayBuilder();
        for (Segment s : f.segments()) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("cueId", s.cueId()).add("language", s.language())
                    .add("character", s.character()).add("start", seconds(s.start())).add("end", seconds(s.end()))
                    .add("kind", "SYNTHETIC_VOICE").add("digitalSourceType", TRAINED)
                    .add("outputSha256", s.outputSha256())
                    .add("model", Json.createObjectBuilder().add("id", s.model().id().toString())
                            .add("name", s.model().name()).add("engine", s.model().engine())
                            .add("version", s.model().version()).add("sha256", s.model().sha256()));
            s.grantId().ifPresent(g -> b.add("consentGrantId", g.toString()));
            s.performerId().ifPresent(p -> b.add("performer", Json.createObjectBuilder().add("id", p.toString())
                    .add("name", s.performerName().orElse(""))));
            b.add("writtenApprovalIds", ids(s.writtenApprovalIds()));
            b.add("qa", Json.createObjectBuilder().add("reviewItemId", s.review().itemId().toString())
                    .add("verdict", s.review().verdict()).add("reviewer", s.review().reviewer())
                    .add("decidedAt", s.review().decidedAt().toString()));
            segments.add(b);
        }
        return Json.createObjectBuilder().add("$schema", SCHEMA).add("manifestVersion", 1)
                .add("delivery", Json.createObjectBuilder().add("id", f.deliveryId().toString())
                        .add("createdAt", f.createdAt().toString()).add("createdBy", f.createdBy()))
                .add("job", job)
                .add("writtenApprovalIds", ids(f.writtenApprovalIds()))
                .add("files", files)
                .add("segments", segments)
                .add("actions", actions(f))
                .build();
    }

    /** The job's history in the C2PA actions vocabulary. */
    private static JsonArrayBuilder actions(Facts f) {
        // built once and shared: a Parsson builder is emptied when it is built
        jakarta.json.JsonObject agent = Json.createObjectBuilder().add("name", "dubgate").add("version", f.softwareVersion())
                .build();
        JsonArrayBuilder actions = Json.createArrayBuilder().add(Json.createObjectBuilder().add("action", "c2pa.opened")
                .add("when", f.job().submittedAt().toString())
                .add("parameters", Json.createObjectBuilder().add("ingredient", Json.createObjectBuilder()
                        .add("role", "source").add("sha256", f.job().sourceSha256()))));
        String from = f.job().originalLanguage().orElse("und");
        for (Language l : f.languages()) {
            actions.add(Json.createObjectBuilder().add("action", "c2pa.translated").add("parameters",
                    Json.createObjectBuilder().add("sourceLanguage", from).add("targetLanguage", l.language())));
            long lines = f.segments().stream().filter(s -> s.language().equals(l.language())).count();
            if (l.synthetic()) {
                actions.add(Json.createObjectBuilder().add("action", "c2pa.dubbed").add("digitalSourceType", TRAINED)
                        .add("softwareAgent", agent).add("parameters", Json.createObjectBuilder()
                                .add("language", l.language()).add("segments", lines)));
            }
            JsonObjectBuilder mixed = Json.createObjectBuilder().add("action", "c2pa.mixed").add("softwareAgent", agent)
                    .add("parameters", Json.createObjectBuilder().add("language", l.language())
                            .add("files", Json.createArrayBuilder(l.files())));
            if (l.synthetic()) {
                mixed.add("digitalSourceType", COMPOSITE);
            }
            actions.add(mixed);
        }
        return actions;
    }

    private static JsonArrayBuilder ids(List<UUID> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        ids.forEach(i -> a.add(i.toString()));
        return a;
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).setScale(3, RoundingMode.HALF_UP);
    }
}
