package org.dubgate.application.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.consent.LanguageTag;
import org.dubgate.domain.consent.Territory;
import org.dubgate.domain.consent.TitleCode;
import org.dubgate.domain.delivery.Delivery;
import org.dubgate.domain.delivery.DeliveryFile;
import org.dubgate.domain.delivery.DeliveryRepository;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;
import org.dubgate.domain.job.CastLine;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.job.JobTarget;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.performer.PerformerRepository;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.review.ReviewState;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The two short transactions of a delivery: first what the package will hold, read once the job is
 * found deliverable (APPROVED, nothing rejected or open); then, after its files were verified and the
 * manifest stored outside any transaction, the delivery recorded with the job still APPROVED.
 */
@Stateless
public class DeliveryAssembly {

    /** What the package will hold: the current files and the facts the manifest states. */
    public record Contents(DubbingJob job, JobPlan plan, List<Deliverable> files, List<DeliveryManifest.Segment> segments,
                           List<DeliveryManifest.Alteration> alterations, List<DeliveryManifest.Language> languages,
                           DeliveryManifest.Job about) {

        /** Whether a language's picture was altered (its programme then holds AI-made picture as well as sound). */
        public boolean lipSynced(String language) {
            return alterations.stream().anyMatch(a -> a.language().equals(language));
        }
    }

    @Inject
    JobRepository jobs;
    @Inject
    ReviewItemRepository items;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    AlteredShotRepository shots;
    @Inject
    VoiceRepository voices;
    @Inject
    AiModelRepository models;
    @Inject
    PerformerRepository performers;
    @Inject
    MediaAssetRepository media;
    @Inject
    JobEvents events;
    @Inject
    AuditLedger ledger;

    public Contents contents(UUID jobId, Instant at) {
        DubbingJob job = jobs.find(jobId).orElseThrow(() -> new NoSuchEntityException("job", jobId));
        deliverable(job);
        List<Deliverable> files = jobs.currentDeliverables(jobId);
        Map<UUID, ReviewItem> byOutput = items.currentOf(jobId).stream().filter(i -> i.outputId().isPresent())
                .collect(Collectors.toMap(i -> i.outputId().get(), i -> i, (a, b) -> a));
        Map<UUID, Voice> voiceOf = new HashMap<>();
        List<DeliveryManifest.Segment> segments = new ArrayList<>();
        List<DeliveryManifest.Language> languages = new ArrayList<>();
        List<JobPlan.Target> planned = new ArrayList<>();
        for (JobTarget target : job.targets()) {
            List<JobPlan.Character> characters = new ArrayList<>();
            for (CastLine line : target.cast()) {
                if (line.approach() == JobPlan.Approach.SYNTHETIC) {
                    Voice v = voiceOf.computeIfAbsent(line.voiceId().orElseThrow(), id -> voices.find(id)
                            .orElseThrow(() -> new NoSuchEntityException("voice", id)));
                    characters.add(new JobPlan.Character(line.character(), JobPlan.Approach.SYNTHETIC, v.performerId(),
                            Optional.of(v.modelId()), line.lipSync()));
                } else if (line.lipSync().isPresent()) {
                    // a human dub or the original voice, with the on-screen mouth re-drawn: the LIP_SYNC use alone
                    characters.add(new JobPlan.Character(line.character(), line.approach(), Optional.empty(),
                            Optional.empty(), line.lipSync()));
                }
            }
            planned.add(new JobPlan.Target(LanguageTag.parse(target.language()).orElseThrow(), characters));
            Map<String, CueOutput> outputs = jobs.usableOutputsOf(jobId, target.language());
            for (JobCue cue : target.cuesOf(JobPlan.Approach.SYNTHETIC)) {
                CueOutput o = Optional.ofNullable(outputs.get(cue.cueId())).orElseThrow(() -> new IllegalStateException(
                        "cue " + cue.cueId() + " (" + target.language() + ") has no usable line"));
                segments.add(segment(target.language(), cue, o, target.castOf(cue.character()).orElseThrow(), voiceOf,
                        Optional.ofNullable(byOutput.get(o.id())).orElseThrow(() -> new IllegalStateException(
                                "line " + o.id() + " of cue " + cue.cueId() + " has no review item"))));
            }
            // as MIX labels the files and ASSEMBLE the track: a language is AI-dubbed when it has synthesized cues
            List<String> languageFiles = new ArrayList<>(List.of(target.language() + "/" + DeliveryFiles.STEM,
                    target.language() + "/" + DeliveryFiles.MIX));
            if (!target.lipSyncedCast().isEmpty()) {
                languageFiles.add(target.language() + "/" + DeliveryFiles.PROGRAMME); // its altered picture
            }
            languages.add(new DeliveryManifest.Language(target.language(),
                    !target.cuesOf(JobPlan.Approach.SYNTHETIC).isEmpty(), languageFiles));
        }
        JobPlan plan = new JobPlan(new TitleCode(job.titleCode()), new Territory(job.territory()), job.purpose(), at,
                Optional.of(job.id()), planned);
        Map<UUID, ReviewItem> byShot = items.currentOf(jobId).stream().filter(i -> i.shotId().isPresent())
                .collect(Collectors.toMap(i -> i.shotId().get(), i -> i, (a, b) -> a));
        List<DeliveryManifest.Alteration> alterations = new ArrayList<>();
        for (AlteredShot shot : shots.currentOf(jobId)) {
            alterations.add(alteration(shot, Optional.ofNullable(byShot.get(shot.id())).orElseThrow(() ->
                    new IllegalStateException("lip-synced shot " + shot.id() + " has no review item"))));
        }
        String sourceSha = media.find(job.sourceMediaId()).map(m -> m.contentSha256()).orElseThrow();
        DeliveryManifest.Job about = new DeliveryManifest.Job(job.id(), job.titleCode(), job.territory(),
                job.purpose().name(), job.originalLanguage(), job.loudness().profile().name(), job.createdAt(), sourceSha);
        return new Contents(job, plan, files, segments, alterations, languages, about);
    }

    private DeliveryManifest.Alteration alteration(AlteredShot shot, ReviewItem review) {
        AiModel model = models.find(shot.modelId()).orElseThrow(() -> new NoSuchEntityException("model", shot.modelId()));
        AlteredShot.Region r = shot.mouth();
        return new DeliveryManifest.Alteration(shot.language(), shot.character(), shot.span().start(), shot.span().end(),
                shot.reencoded().start(), shot.reencoded().end(), new DeliveryManifest.Region(r.x(), r.y(), r.width(),
                r.height()), new DeliveryManifest.Model(model.id(), model.name(), model.engine(), model.modelVersion(),
                shot.modelSha256()), shot.grantId().orElseThrow(() -> new IllegalStateException("lip-synced shot "
                + shot.id() + " records no grant")), shot.performerId(), performers.find(shot.performerId())
                .map(Performer::displayName).orElse(""), shot.syncBefore(), shot.syncAfter(), List.of(),
                new DeliveryManifest.Review(review.id(), review.state().name(), review.reviewer().orElse("?"),
                        review.decidedAt().orElseThrow()));
    }

    private DeliveryManifest.Segment segment(String language, JobCue cue, CueOutput o, CastLine line,
                                             Map<UUID, Voice> voiceOf, ReviewItem review) {
        AiModel model = models.find(o.modelId()).orElseThrow(() -> new NoSuchEntityException("model", o.modelId()));
        Voice voice = voiceOf.get(line.voiceId().orElseThrow());
        Optional<Performer> performer = voice.performerId().flatMap(performers::find);
        return new DeliveryManifest.Segment(cue.cueId(), language, cue.character(), cue.start(), cue.end(),
                o.contentSha256(), new DeliveryManifest.Model(model.id(), model.name(), model.engine(),
                model.modelVersion(), o.modelSha256()), o.grantId(), voice.performerId(),
                performer.map(Performer::displayName), List.of(), new DeliveryManifest.Review(review.id(),
                review.state().name(), review.reviewer().orElse("?"), review.decidedAt().orElseThrow()));
    }

    /** Refuses, naming why, a job that may not be delivered now. */
    private void deliverable(DubbingJob job) {
        deliveries.ofJob(job.id()).ifPresent(d -> {
            throw new RuleViolationException("job " + job.id() + " was delivered already: delivery " + d.id() + " ("
                    + d.state() + ")");
        });
        List<ReviewItem> current = items.currentOf(job.id());
        List<ReviewItem> rejected = current.stream().filter(i -> i.state() == ReviewState.REJECTED).toList();
        if (!rejected.isEmpty()) {
            throw new RuleViolationException("job " + job.id() + " is held by " + rejected.size() + " rejected review "
                    + "item(s): " + rejected.stream().map(i -> i.id() + " (" + i.language() + i.cueId()
                    .map(c -> ", cue " + c).orElse("") + ": " + i.note().orElse("") + ")")
                    .collect(Collectors.joining("; ")));
        }
        long open = current.stream().filter(i -> i.state() == ReviewState.OPEN).count();
        if (job.state() != JobState.APPROVED) {
            throw new RuleViolationException("job " + job.id() + " is " + job.state() + ", not APPROVED"
                    + (open > 0 ? ": " + open + " review item(s) are still open" : ""));
        }
    }

    /** Records the delivery, with the job still APPROVED and not delivered meanwhile; the job is DELIVERED. */
    public Delivery record(Caller manager, Delivery delivery, List<UUID> approvals) {
        DubbingJob job = jobs.lockJob(delivery.jobId()).orElseThrow();
        deliverable(job);
        Instant now = delivery.createdAt();
        deliveries.add(delivery);
        job.delivered(now);
        ledger.append(new AuditRecord(manager.username(), "DELIVERY", "delivery", delivery.id().toString(),
                Optional.empty(), Optional.empty(), "DELIVERED", Json.createObjectBuilder()
                .add("jobId", job.id().toString()).add("purpose", job.purpose().name())
                .add("manifestSha256", delivery.manifestSha256())
                .add("files", delivery.files().stream().filter(f -> f.kind() != DeliveryFile.Kind.MANIFEST).count())
                .add("writtenApprovalIds", Json.createArrayBuilder(approvals.stream().map(UUID::toString).toList()))
                .build().toString()));
        events.jobChanged(job, JobEvent.Type.DELIVERED);
        return delivery;
    }
}
