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
 * manifest store later; every lip-synced shot with its region, model, grant, sync and verdict, and as a
 * {@code c2pa.dubbed} action on the picture whose changes are the lips' regions.
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

    /** A rectangle of the picture, in source pixels. */
    public record Region(int x, int y, int width, int height) {
    }

    /** One lip-synced shot as delivered: an on-screen performance altered. */
    public record Alteration(String language, String character, Duration start, Duration end, Duration reencodedStart,
                             Duration reencodedEnd, Region region, Model model, UUID grantId, UUID performerId,
                             String performerName, double syncBefore, double syncAfter, List<UUID> writtenApprovalIds,
                             Review review) {

        public Alteration withApprovals(List<UUID> approvals) {
            return new Alteration(language, character, start, end, reencodedStart, reencodedEnd, region, model, grantId,
                    performerId, performerName, syncBefore, syncAfter, approvals, review);
        }
    }

    public record Facts(UUID deliveryId, Instant createdAt, String createdBy, Job job, List<Language> languages,
                        List<File> files, List<Segment> segments, List<Alteration> alterations,
                        List<UUID> writtenApprovalIds, String softwareVersion) {
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
                    .add("model", model(s.model()));
            s.grantId().ifPresent(g -> b.add("consentGrantId", g.toString()));
            s.performerId().ifPresent(p -> b.add("performer", Json.createObjectBuilder().add("id", p.toString())
                    .add("name", s.performerName().orElse(""))));
            b.add("writtenApprovalIds", ids(s.writtenApprovalIds()));
            b.add("qa", qa(s.review()));
            segments.add(b);
        }
        JsonObjectBuilder manifest = Json.createObjectBuilder().add("$schema", SCHEMA).add("manifestVersion", 1)
                .add("delivery", Json.createObjectBuilder().add("id", f.deliveryId().toString())
                        .add("createdAt", f.createdAt().toString()).add("createdBy", f.createdBy()))
                .add("job", job)
                .add("writtenApprovalIds", ids(f.writtenApprovalIds()))
                .add("files", files)
                .add("segments", segments);
        if (!f.alterations().isEmpty()) {
            JsonArrayBuilder alterations = Json.createArrayBuilder();
            for (Alteration a : f.alterations()) {
                alterations.add(Json.createObjectBuilder().add("language", a.language()).add("character", a.character())
                        .add("start", seconds(a.start())).add("end", seconds(a.end()))
                        .add("reencodedStart", seconds(a.reencodedStart())).add("reencodedEnd", seconds(a.reencodedEnd()))
                        .add("region", rectangle(a.region())).add("kind", "LIP_SYNC").add("digitalSourceType", COMPOSITE)
                        .add("model", model(a.model())).add("consentGrantId", a.grantId().toString())
                        .add("performer", Json.createObjectBuilder().add("id", a.performerId().toString())
                                .add("name", a.performerName()))
                        .add("sync", Json.createObjectBuilder().add("before", a.syncBefore()).add("after", a.syncAfter()))
                        .add("writtenApprovalIds", ids(a.writtenApprovalIds()))
                        .add("qa", qa(a.review())));
            }
            manifest.add("alterations", alterations);
        }
        return manifest.add("actions", actions(f)).build();
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
            List<Alteration> shots = f.alterations().stream().filter(a -> a.language().equals(l.language())).toList();
            if (!shots.isEmpty()) {
                actions.add(lipSynced(l.language(), shots, agent));
            }
        }
        return actions;
    }

    /**
     * A language's lip-sync as a C2PA {@code c2pa.dubbed} action on the picture: a composite with
     * trained algorithmic media, each shot a change whose region of interest is the lips — a time range
     * (npt) and a rectangle of the picture — with the model and grant behind it.
     */
    private static JsonObjectBuilder lipSynced(String language, List<Alteration> shots, JsonObject agent) {
        JsonArrayBuilder changes = Json.createArrayBuilder();
        JsonArrayBuilder models = Json.createArrayBuilder();
        JsonArrayBuilder grants = Json.createArrayBuilder();
        shots.stream().map(a -> a.model().id().toString()).distinct().forEach(models::add);
        shots.stream().map(a -> a.grantId().toString()).distinct().forEach(grants::add);
        for (Alteration a : shots) {
            Region r = a.region();
            changes.add(Json.createObjectBuilder().add("description", "lips of " + a.character())
                    .add("region", Json.createArrayBuilder()
                            .add(Json.createObjectBuilder().add("type", "temporal").add("time", Json.createObjectBuilder()
                                    .add("type", "npt").add("start", seconds(a.start()).toPlainString())
                                    .add("end", seconds(a.end()).toPlainString())))
                            .add(Json.createObjectBuilder().add("type", "spatial").add("shape", Json.createObjectBuilder()
                                    .add("type", "rectangle").add("unit", "pixel")
                                    .add("origin", Json.createObjectBuilder().add("x", r.x()).add("y", r.y()))
                                    .add("width", r.width()).add("height", r.height())))));
        }
        return Json.createObjectBuilder().add("action", "c2pa.dubbed").add("digitalSourceType", COMPOSITE)
                .add("softwareAgent", agent).add("parameters", Json.createObjectBuilder().add("language", language)
                        .add("file", language + "/" + DeliveryFiles.PROGRAMME)
                        .add("region", "lips").add("shots", shots.size()).add("modelIds", models)
                        .add("consentGrantIds", grants))
                .add("changes", changes);
    }

    private static JsonObjectBuilder model(Model m) {
        return Json.createObjectBuilder().add("id", m.id().toString()).add("name", m.name()).add("engine", m.engine())
                .add("version", m.version()).add("sha256", m.sha256());
    }

    private static JsonObjectBuilder qa(Review r) {
        return Json.createObjectBuilder().add("reviewItemId", r.itemId().toString()).add("verdict", r.verdict())
                .add("reviewer", r.reviewer()).add("decidedAt", r.decidedAt().toString());
    }

    private static JsonObjectBuilder rectangle(Region r) {
        return Json.createObjectBuilder().add("x", r.x()).add("y", r.y()).add("width", r.width()).add("height", r.height());
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
