package org.dubgate.application.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.dubgate.application.gate.GateService;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.job.ConsentBlockedException;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryFile;
import org.dubgate.domain.delivery.DeliveryRepository;
import org.dubgate.domain.gate.GateDecision;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Delivers an approved job. Outside any transaction — reading gigabytes must not hold locks or a
 * transaction's timeout — the consent gate checks the job's plan once more (a FINAL job's written
 * approval must still be valid, R6; the decision is in the ledger), every file is read once and its
 * SHA-256 verified, and the manifest is written to storage; then one short transaction records the
 * delivery and the job becomes DELIVERED ({@link DeliveryAssembly}).
 */
@Stateless
public class DeliveryService {

    @Inject
    DeliveryAssembly assembly;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    GateService gate;
    @Inject
    ContentStore store;
    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Delivery deliver(Caller manager, UUID jobId) throws IOException {
        Instant now = clock.instant();
        DeliveryAssembly.Contents contents = assembly.contents(jobId, now);
        GateService.Check check = gate.checkPlanOnItsOwn(manager, contents.plan(), "delivery");
        if (!check.decision().allowed()) {
            throw new ConsentBlockedException(check);
        }
        List<GateDecision.EscalationDecision> cleared = check.decision().escalations().stream()
                .filter(GateDecision.EscalationDecision::cleared).toList();
        List<UUID> approvals = cleared.stream().map(GateDecision.EscalationDecision::approvalId)
                .filter(Objects::nonNull).distinct().toList();
        List<DeliveryFile> files = new ArrayList<>();
        List<DeliveryManifest.File> listed = new ArrayList<>();
        for (Deliverable d : contents.files()) {
            if (!d.kind().delivered()) {
                continue;
            }
            d.withheldReason().ifPresent(r -> {
                throw new org.dubgate.domain.shared.GoneException("job " + jobId + " cannot be delivered: " + r);
            });
            Path file = store.localFile(d.contentSha256()).orElseThrow(() -> new IllegalStateException(
                    "file " + d.contentSha256() + " of deliverable " + d.id() + " is missing from storage"));
            DeliveryFiles.Read read = DeliveryFiles.read(file);
            if (!read.sha256().equals(d.contentSha256())) {
                throw new IllegalStateException("file of deliverable " + d.id() + " in storage hashes to "
                        + read.sha256() + ", not the " + d.contentSha256() + " its stage recorded: not delivered");
            }
            String name = DeliveryFiles.nameOf(d);
            // the programme holds every language; a language's programme its own, and its altered picture
            boolean ai = d.kind() == Deliverable.Kind.PROGRAMME && d.language().isEmpty() ? contents.languages().stream()
                    .anyMatch(DeliveryManifest.Language::synthetic) : contents.languages().stream()
                    .anyMatch(l -> l.synthetic() && d.language().filter(l.language()::equals).isPresent())
                    || d.kind() == Deliverable.Kind.PROGRAMME && contents.lipSynced(d.language().orElseThrow());
            files.add(new DeliveryFile(files.size(), name, DeliveryFiles.kindOf(d.kind()), d.language(),
                    d.contentSha256(), read.size(), read.crc32(), DeliveryFiles.mediaTypeOf(d.kind())));
            listed.add(new DeliveryManifest.File(name, d.kind().name(), d.language(), d.contentSha256(), read.size(),
                    DeliveryFiles.mediaTypeOf(d.kind()), ai));
        }
        UUID deliveryId = UUID.randomUUID();
        List<DeliveryManifest.Segment> segments = contents.segments().stream().map(s -> withApprovals(s, cleared,
                contents)).toList();
        byte[] manifest = pretty(DeliveryManifest.of(new DeliveryManifest.Facts(deliveryId, now, manager.username(),
                contents.about(), contents.languages(), listed, segments, contents.alterations().stream()
                .map(a -> a.withApprovals(approvalsFor(cleared, a.character(), Optional.of(a.performerId()),
                        a.model().id())))
                .toList(), approvals, version())));
        StoredContent stored = store.store(new ByteArrayInputStream(manifest), manifest.length);
        CRC32 crc = new CRC32();
        crc.update(manifest);
        files.add(new DeliveryFile(files.size(), Delivery.MANIFEST, DeliveryFile.Kind.MANIFEST, Optional.empty(),
                stored.sha256(), manifest.length, crc.getValue(), "application/json"));
        return assembly.record(manager, Delivery.of(deliveryId, jobId, contents.job().purpose(), files,
                manager.username(), now, retention()), approvals);
    }

    /**
     * The written approvals that cleared what a segment needed: those for the whole job or title
     * (FINAL purpose), and those whose subject is its character (a stock voice), its performer (an
     * estate grant) or its model (data terms).
     */
    /** The written approvals that cleared what an altered shot needed: the job's or title's, its performer's, its model's. */
    private static List<UUID> approvalsFor(List<GateDecision.EscalationDecision> cleared, String character,
                                           Optional<UUID> performerId, UUID modelId) {
        return cleared.stream().filter(e -> e.approvalId() != null && (e.subject() == null
                        || e.subject().equals(character) || e.subject().equals(modelId.toString())
                        || performerId.map(UUID::toString).filter(e.subject()::equals).isPresent()))
                .map(GateDecision.EscalationDecision::approvalId).distinct().toList();
    }

    private static DeliveryManifest.Segment withApprovals(DeliveryManifest.Segment s,
                                                          List<GateDecision.EscalationDecision> cleared,
                                                          DeliveryAssembly.Contents contents) {
        List<UUID> mine = approvalsFor(cleared, s.character(), s.performerId(), s.model().id());
        return new DeliveryManifest.Segment(s.cueId(), s.language(), s.character(), s.start(), s.end(), s.outputSha256(),
                s.model(), s.grantId(), s.performerId(), s.performerName(), mine, s.review());
    }

    /** How long a TEMP delivery's files are kept: {@code dubgate.delivery.temp-retention} (ISO-8601, default P30D). */
    static Duration retention() {
        return ConfigProvider.getConfig().getOptionalValue("dubgate.delivery.temp-retention", String.class)
                .map(Duration::parse).orElse(Duration.ofDays(30));
    }

    private static String version() {
        return Optional.ofNullable(DeliveryService.class.getPackage().getImplementationVersion()).orElse("0.1.0");
    }

    private static byte[] pretty(jakarta.json.JsonObject manifest) {
        StringWriter out = new StringWriter();
        try (var writer = jakarta.json.Json.createWriterFactory(Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING,
                true)).createWriter(out)) {
            writer.write(manifest);
        }
        return out.toString().strip().concat("\n").getBytes(StandardCharsets.UTF_8);
    }

    public Delivery get(UUID id) {
        Delivery d = deliveries.find(id).orElseThrow(() -> new NoSuchEntityException("delivery", id));
        d.files().size();
        return d;
    }

    public Optional<Delivery> ofJob(UUID jobId) {
        return deliveries.ofJob(jobId).map(d -> {
            d.files().size();
            return d;
        });
    }

    /** A file of the delivery to serve alone (410 once recalled or removed; the manifest stays). */
    public Served file(UUID deliveryId, String name) {
        Delivery d = get(deliveryId);
        DeliveryFile f = d.servable(name);
        return new Served(f, source(f));
    }

    /** Every file of the package, in order, for the zip (410 once recalled or removed). */
    public List<Served> packageOf(UUID deliveryId) {
        Delivery d = get(deliveryId);
        d.requireServable();
        return d.files().stream().map(f -> new Served(f, source(f))).toList();
    }

    /** A delivery's file and its stored bytes, to stream from where they are. */
    public record Served(DeliveryFile file, ContentSource content) {
    }

    private ContentSource source(DeliveryFile f) {
        return store.find(f.contentSha256()).orElseThrow(() -> new org.dubgate.domain.shared.GoneException(
                "file " + f.name() + " (" + f.contentSha256() + ") is no longer in storage"));
    }
}
