package org.dubgate.application.review;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.dubgate.application.audit.AuditLedger;
import org.dubgate.application.identity.Caller;
import org.dubgate.application.pipeline.JobEvents;
import org.dubgate.application.pipeline.StoredFiles;
import org.dubgate.domain.audit.AuditRecord;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.AlteredShotRepository;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.Deliverable;
import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobEvent;
import org.dubgate.domain.job.JobRepository;
import org.dubgate.domain.job.JobState;
import org.dubgate.domain.job.JobTask;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.AiModelRepository;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.ReviewItemRepository;
import org.dubgate.domain.shared.GoneException;
import org.dubgate.domain.shared.NoSuchEntityException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.voice.Voice;
import org.dubgate.domain.voice.VoiceRepository;
import org.dubgate.media.mix.MixException;
import org.dubgate.media.mix.SpanExcerpt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The QA queue: items a page at a time with what each line was made by, one item with its checks,
 * a verdict (in the ledger, R8) and what it decides once the job has no open item left, and the
 * excerpts a reviewer listens to — the full mix over the line's span with context either side, and
 * the original audio over the same span.
 */
@Stateless
public class ReviewService {

    /** How much of the mix and the original a reviewer hears before and after the line. */
    public static final Duration CONTEXT = Duration.ofSeconds(2);

    /**
     * An item with what its line was made by (absent for a CHECK item), for a CHECK item the current
     * full mix of its language (what the check is about), for a SHOT item the altered shot and its model.
     */
    public record ItemView(ReviewItem item, Optional<CueOutput> output, Optional<AiModel> model, Optional<Voice> voice,
                           List<QaCheck> checks, Optional<Deliverable> mix, Optional<AlteredShot> shot) {
    }

    /** Which audio an excerpt is cut from. */
    public enum Excerpt { MIX, ORIGINAL }

    @Inject
    ReviewItemRepository items;
    @Inject
    JobRepository jobs;
    @Inject
    AiModelRepository models;
    @Inject
    VoiceRepository voices;
    @Inject
    AlteredShotRepository shots;
    @Inject
    ReviewSettlement settlement;
    @Inject
    ReviewOpening opening;
    @Inject
    JobEvents events;
    @Inject
    AuditLedger ledger;
    @Inject
    StoredFiles files;
    @Inject
    org.dubgate.application.port.ContentStore store;
    @Inject
    Clock clock;

    /**
     * A page of the queue, each item with its line's maker: one query for the items, one for their
     * lines, one for the lines' voices, then each distinct model and voice once.
     */
    public Page<ItemView> list(ReviewItemRepository.Query query, PageRequest page) {
        Page<ReviewItem> found = items.list(query, page);
        Map<UUID, CueOutput> lines = jobs.outputsById(found.items().stream().flatMap(i -> i.outputId().stream())
                .toList());
        Map<UUID, UUID> voiceOfTask = jobs.voicesOfTasks(lines.values().stream().map(CueOutput::taskId)
                .distinct().toList());
        Map<UUID, Optional<AiModel>> modelCache = new HashMap<>();
        Map<UUID, Optional<Voice>> voiceCache = new HashMap<>();
        return found.map(i -> {
            Optional<CueOutput> line = i.outputId().map(lines::get);
            Optional<AlteredShot> shot = shotOf(i);
            Optional<UUID> model = line.map(CueOutput::modelId).or(() -> shot.map(AlteredShot::modelId));
            return new ItemView(i, line, model.flatMap(m -> modelCache.computeIfAbsent(m, models::find)),
                    line.map(o -> voiceOfTask.get(o.taskId())).flatMap(v -> voiceCache.computeIfAbsent(v,
                            voices::find)), List.of(), mixOf(i), shot);
        });
    }

    /** One item with every check of its line (or its one check of the mix). */
    public ItemView get(UUID id) {
        ReviewItem item = find(id);
        List<QaCheck> checks = item.outputId().map(o -> jobs.checksOfOutputs(item.jobId(), List.of(o)))
                .orElseGet(() -> item.checkId().flatMap(c -> jobs.findCheck(item.jobId(), c)).map(List::of)
                        .orElse(List.of()));
        Optional<CueOutput> line = item.outputId().flatMap(o -> jobs.findOutput(item.jobId(), o));
        Optional<AlteredShot> shot = shotOf(item);
        return new ItemView(item, line, line.map(CueOutput::modelId).or(() -> shot.map(AlteredShot::modelId))
                .flatMap(models::find),
                line.flatMap(o -> jobs.findTask(o.taskId())).flatMap(JobTask::voiceId).flatMap(voices::find), checks,
                mixOf(item), shot);
    }

    /** The shot a SHOT item is about (one lookup by id: a page holds few of them). */
    private Optional<AlteredShot> shotOf(ReviewItem item) {
        return item.shotId().flatMap(s -> shots.find(item.jobId(), s));
    }

    /**
     * The before|after still of a SHOT item's shot, as a PNG file in storage; gone once the grant
     * that cleared the alteration was revoked (R9).
     */
    public Path still(UUID id) {
        ReviewItem item = find(id);
        AlteredShot shot = shotOf(item).orElseThrow(() -> new RuleViolationException("review item " + id + " is a "
                + item.kind() + " item: only a SHOT item has a before|after still"));
        if (shot.quarantined()) {
            throw new GoneException("the lip-synced shot is no longer served: the consent grant "
                    + shot.grantId().map(Object::toString).orElse("?") + " that cleared it was revoked");
        }
        return store.localFile(shot.stillSha256()).orElseThrow(() -> new GoneException("the still of the lip-synced "
                + "shot is no longer stored (its TEMP delivery's retention ended)"));
    }

    /** The current full mix a CHECK item is about; none for a LINE item (its links are its own). */
    private Optional<Deliverable> mixOf(ReviewItem item) {
        return item.kind() == ReviewItem.Kind.CHECK
                ? jobs.currentDeliverable(item.jobId(), Deliverable.Kind.FULL_MIX, Optional.of(item.language()))
                : Optional.empty();
    }

    /**
     * A reviewer's verdict: recorded, in the ledger, pushed as a progress event; once no current item
     * of the job is open, it settles the job ({@link ReviewSettlement}).
     */
    public ItemView verdict(Caller reviewer, UUID id, ReviewItem.Decision decision) {
        // the job is locked before the item is read: two verdicts at once on one item queue up, and the
        // second finds it decided (409) instead of failing on a stale copy
        UUID jobId = items.jobOf(id).orElseThrow(() -> new NoSuchEntityException("review item", id));
        DubbingJob job = jobs.lockJob(jobId).orElseThrow(() -> new NoSuchEntityException("job", jobId));
        ReviewItem item = find(id);
        if (job.state() != JobState.IN_REVIEW) {
            throw new RuleViolationException("job " + jobId + " is " + job.state()
                    + ": verdicts are given while it is IN_REVIEW");
        }
        Instant now = clock.instant();
        item.decide(decision, reviewer.username(), now);
        JsonObjectBuilder detail = Json.createObjectBuilder().add("jobId", jobId.toString())
                .add("language", item.language()).add("kind", item.kind().name()).add("round", item.round());
        item.cueId().ifPresent(c -> detail.add("cueId", c));
        item.outputId().ifPresent(o -> detail.add("outputId", o.toString()));
        item.shotId().ifPresent(o -> detail.add("shotId", o.toString()));
        item.note().ifPresent(n -> detail.add("note", n));
        item.revision().text().ifPresent(t -> detail.add("editedText", t));
        Optional<UUID> performer = item.outputId().flatMap(o -> jobs.findOutput(jobId, o))
                .flatMap(o -> jobs.findTask(o.taskId())).flatMap(JobTask::voiceId).flatMap(voices::find)
                .flatMap(Voice::performerId).or(() -> shotOf(item).map(AlteredShot::performerId));
        ledger.append(new AuditRecord(reviewer.username(), "QA_VERDICT", "review-item", id.toString(), performer,
                Optional.empty(), decision.verdict().name(), detail.build().toString()));
        events.jobChanged(job, JobEvent.Type.REVIEW_VERDICT);
        settlement.settle(job, reviewer.username(), now);
        return get(id);
    }

    /**
     * Opens the current round's items of a job IN_REVIEW that has none (see {@link ReviewBackfill});
     * returns how many it opened.
     */
    public int openIfMissing(UUID jobId) {
        DubbingJob job = jobs.lockJob(jobId).orElseThrow(() -> new NoSuchEntityException("job", jobId));
        if (job.state() != JobState.IN_REVIEW || !items.countsOf(jobId).isEmpty()) {
            return 0;
        }
        opening.open(job, clock.instant());
        return items.countsOf(jobId).values().stream().mapToInt(Long::intValue).sum();
    }

    /**
     * An excerpt a reviewer listens to, as a WAV in a file of its own that the caller deletes after
     * sending it: the current full mix of the item's language, or the source's own audio, over the
     * line's span with {@link #CONTEXT} either side.
     */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
    public Path excerpt(UUID id, Excerpt of) throws IOException {
        ReviewItem item = find(id);
        Duration from = item.start().orElseThrow(() -> new RuleViolationException("review item " + id + " is a "
                + item.kind() + " item: it has no line span; the whole mix is among the job's deliverables"))
                .minus(CONTEXT);
        Duration to = item.end().orElseThrow().plus(CONTEXT);
        Path in;
        if (of == Excerpt.MIX) {
            Deliverable mix = jobs.currentDeliverable(item.jobId(), Deliverable.Kind.FULL_MIX, Optional.of(item.language()))
                    .orElseThrow(() -> new IllegalStateException("job " + item.jobId() + " has no full mix of "
                            + item.language()));
            mix.withheldReason().ifPresent(r -> {
                throw new GoneException("the full mix of " + item.language() + " is no longer served: " + r);
            });
            in = files.of(mix.contentSha256(), "the full mix of " + item.language());
        } else {
            DubbingJob job = jobs.find(item.jobId()).orElseThrow();
            in = files.ofMedia(job.sourceMediaId(), "the source");
        }
        Path out = Files.createTempFile("dubgate-excerpt-", ".wav");
        try {
            SpanExcerpt.write(in, from, to, out);
            return out;
        } catch (MixException | RuntimeException e) {
            Files.deleteIfExists(out);
            throw e instanceof RuntimeException r ? r : new IllegalStateException("excerpt of review item " + id + ": "
                    + e.getMessage(), e);
        }
    }

    private ReviewItem find(UUID id) {
        return items.find(id).orElseThrow(() -> new NoSuchEntityException("review item", id));
    }
}
