package org.dubgate.domain.job;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.shared.Text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A dubbing job: what to dub, into which languages, for which territory and purpose, and how far it
 * got. It also decides what comes next ({@link #plannedTasks}, {@link #tasksDue}, {@link #rerender})
 * and what review and delivery make of it ({@link #approve}, {@link #delivered}) — the one place the
 * pipeline's order and the job's states live, for the first render and every re-render round, which
 * is why the class runs to about 440 lines (a third of them accessors).
 */
@Entity
@Table(name = "dubbing_job")
public class DubbingJob {

    @Id
    private UUID id;

    @Column(name = "title_code", nullable = false, length = 100)
    private String titleCode;

    @Column(name = "source_media_id", nullable = false)
    private UUID sourceMediaId;

    @Column(name = "mne_media_id")
    private UUID mneMediaId;

    @Column(name = "dialogue_media_id")
    private UUID dialogueMediaId;

    @Column(nullable = false, length = 16)
    private String territory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Purpose purpose;

    @Column(nullable = false)
    private int priority;

    /** The largest speed-up time-fit may apply to a line before flagging it OVERFLOW. */
    @Column(name = "max_tempo", nullable = false)
    private double maxTempo;

    /** The language the source is spoken in (BCP 47), when the manager said. */
    @Column(name = "original_language", length = 35)
    private String originalLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_profile", nullable = false, length = 16)
    private DeliveryProfile deliveryProfile;

    @Column(name = "loudness_target_lufs", nullable = false)
    private double loudnessTargetLufs;

    @Column(name = "true_peak_ceiling_dbtp", nullable = false)
    private double truePeakCeilingDbtp;

    @Column(name = "match_original_dialogue", nullable = false)
    private boolean matchOriginalDialogue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobState state;

    @Column(name = "state_reason", length = 2000)
    private String stateReason;

    @Column(name = "gate_check_id", nullable = false)
    private UUID gateCheckId;

    @Column(name = "idempotency_key", length = 200)
    private String idempotencyKey;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "job_id", nullable = false)
    @OrderBy("language")
    private List<JobTarget> targets = new ArrayList<>();

    /** The round of work under way or last done: 0 for the first render, one more for each re-render. */
    @Column(name = "render_round", nullable = false)
    private int round;

    /** How many progress events the job has had: the sequence number of the latest ({@link JobEvent}). */
    @Column(name = "event_count", nullable = false)
    private long eventCount;

    @Version
    private long version;

    protected DubbingJob() {
        // for JPA
    }

    /** What a manager asked for, already validated and cleared by the consent gate. */
    public record Order(UUID id, String titleCode, UUID sourceMediaId, UUID mneMediaId, UUID dialogueMediaId,
                        String territory, Purpose purpose, int priority, double maxTempo,
                        Optional<String> originalLanguage, LoudnessSpec loudness, List<JobTarget> targets) {
    }

    /** The time-fit tempo limit a job may ask for: 1.0 (never speed up) to 1.5; beyond that speech suffers. */
    public static final double MIN_TEMPO = 1.0;
    public static final double MAX_TEMPO = 1.5;

    /** A job the gate allowed: it is queued at once, with the check that cleared it. */
    public static DubbingJob queued(Order order, UUID gateCheckId, Optional<String> idempotencyKey, String by, Instant now) {
        DubbingJob j = new DubbingJob();
        j.id = order.id();
        j.titleCode = order.titleCode();
        j.sourceMediaId = order.sourceMediaId();
        j.mneMediaId = order.mneMediaId();
        j.dialogueMediaId = order.dialogueMediaId();
        j.territory = order.territory();
        j.purpose = order.purpose();
        j.priority = order.priority();
        j.maxTempo = order.maxTempo();
        j.originalLanguage = order.originalLanguage().orElse(null);
        j.deliveryProfile = order.loudness().profile();
        j.loudnessTargetLufs = order.loudness().targetLufs();
        j.truePeakCeilingDbtp = order.loudness().ceilingDbtp();
        j.matchOriginalDialogue = order.loudness().matchOriginal();
        j.targets.addAll(order.targets());
        j.state = JobState.QUEUED;
        j.gateCheckId = gateCheckId;
        j.idempotencyKey = idempotencyKey.orElse(null);
        j.createdBy = by;
        j.createdAt = now;
        j.updatedAt = now;
        return j;
    }

    /** The first task started. */
    public void running(Instant now) {
        if (state == JobState.QUEUED) {
            state = JobState.RUNNING;
            updatedAt = now;
        }
    }

    /** Consent or a model no longer clears the work (R9): nothing more runs until resubmitted. */
    public void block(String reason, Instant now) {
        if (!state.isTerminal()) {
            state = JobState.BLOCKED;
            stateReason = Text.clip(reason, 2000);
            updatedAt = now;
        }
    }

    public void fail(String reason, Instant now) {
        if (!state.isTerminal()) {
            state = JobState.FAILED;
            stateReason = Text.clip(reason, 2000);
            updatedAt = now;
        }
    }

    public void cancel(Instant now) {
        if (state.isTerminal()) {
            throw new RuleViolationException("job " + id + " is already " + state);
        }
        state = JobState.CANCELLED;
        updatedAt = now;
    }

    /**
     * The tasks a new job starts with: from the cast plan, one SYNTHESIZE task per batch of a
     * SYNTHETIC character's cues in each language; then whatever is due at once given those (the MIX
     * of a language with nothing to synthesize).
     */
    public List<JobTask> plannedTasks(int batchSize, Instant now) {
        List<JobTask> planned = new ArrayList<>();
        for (JobTarget target : targets) {
            for (CastLine line : target.cast()) {
                if (line.approach() != JobPlan.Approach.SYNTHETIC) {
                    continue;
                }
                List<String> cueIds = target.cues().stream().filter(c -> c.character().equals(line.character()))
                        .map(JobCue::cueId).toList();
                for (int from = 0; from < cueIds.size(); from += batchSize) {
                    planned.add(JobTask.synthesize(id, target.language(), line.character(), line.voiceId().orElseThrow(),
                            cueIds.subList(from, Math.min(cueIds.size(), from + batchSize)), now));
                }
            }
        }
        planned.addAll(tasksDue(planned.stream().map(TaskSummary::of).toList(), now));
        return planned;
    }

    /**
     * What comes next — the one place the pipeline's order is decided. Given every task of the job as
     * it stands (including one that has just ended), returns the tasks that become due now: for each
     * stage made "when fed", in pipeline order, each scope (language, or the whole job) that has no
     * task of that stage yet and whose earlier stages' tasks have all succeeded. When nothing is due
     * and every task has succeeded, the job is ready for QA review.
     * <p>
     * Exactly once: the caller holds the job's row lock (every writer takes it first), and the
     * database refuses a second task with the same fan-in key all the same.
     */
    public List<JobTask> tasksDue(List<TaskSummary> tasks, Instant now) {
        if (!accepting()) {
            return List.of();
        }
        // only the current round counts: earlier rounds' tasks all ended before it began
        List<TaskSummary> known = new ArrayList<>(tasks.stream().filter(t -> t.round() == round).toList());
        List<JobTask> due = new ArrayList<>();
        for (TaskKind kind : TaskKind.values()) {
            if (kind.origin() != TaskKind.Origin.WHEN_FED) {
                continue;
            }
            for (Optional<String> scope : scopesOf(kind, known)) {
                boolean exists = known.stream().anyMatch(t -> t.kind() == kind && inScope(t, scope));
                boolean fed = known.stream().filter(t -> t.kind().ordinal() < kind.ordinal() && inScope(t, scope))
                        .allMatch(t -> t.state() == TaskState.SUCCEEDED);
                if (!exists && fed) {
                    JobTask task = JobTask.whenFed(kind, id, scope, round, now);
                    due.add(task);
                    known.add(TaskSummary.of(task));
                }
            }
        }
        if (due.isEmpty() && known.stream().allMatch(t -> t.state() == TaskState.SUCCEEDED)) {
            state = JobState.IN_REVIEW; // everything is made and assembled: the job waits for QA review
            updatedAt = now;
        }
        return due;
    }

    /**
     * Where a stage runs in this round: the whole job, or each language the stage has work in — every
     * such target in the first round, and in a re-render round only the languages it renders lines of.
     */
    private List<Optional<String>> scopesOf(TaskKind kind, List<TaskSummary> known) {
        if (kind.scope() == TaskKind.Scope.JOB) {
            return List.of(Optional.empty());
        }
        return targets.stream().filter(kind::neededIn).map(JobTarget::language).filter(l -> round == 0 || known.stream()
                .anyMatch(t -> t.kind().origin() == TaskKind.Origin.CAST_PLAN && t.inLanguage(l)))
                .map(Optional::of).toList();
    }

    /** One cue a reviewer asked to be made again, with what to change (nothing: the same line once more). */
    public record Rerender(String language, String cueId, JobCue.Revision revision) {
    }

    /**
     * A reviewer asked for lines to be made again: a new round of work begins, with one SYNTHESIZE
     * task per language and character of those cues only; once they end, the languages concerned are
     * mixed and checked again and the programme assembled again (see {@link #tasksDue}). Every other
     * line is reused as it is.
     */
    public List<JobTask> rerender(List<Rerender> cues, Instant now) {
        if (state != JobState.IN_REVIEW) {
            throw new RuleViolationException("job " + id + " is " + state + ": lines are made again only from review");
        }
        if (cues.isEmpty()) {
            throw new IllegalArgumentException("nothing to render again");
        }
        java.util.Map<String, List<String>> byLanguageAndCharacter = new java.util.LinkedHashMap<>();
        java.util.Map<String, CastLine> castOf = new java.util.HashMap<>();
        java.util.Map<JobCue, JobCue.Revision> revisions = new java.util.LinkedHashMap<>();
        for (Rerender r : cues) { // every cue checked before anything changes
            JobTarget target = target(r.language()).orElseThrow(() -> new RuleViolationException(
                    "job " + id + " has no target language " + r.language()));
            JobCue cue = target.cue(r.cueId()).orElseThrow(() -> new RuleViolationException(
                    "job " + id + " has no cue " + r.cueId() + " in " + r.language()));
            CastLine line = target.castOf(cue.character()).filter(c -> c.approach() == JobPlan.Approach.SYNTHETIC)
                    .orElseThrow(() -> new RuleViolationException("cue " + r.cueId() + " (" + r.language()
                            + ") is not synthesized: nothing to render again"));
            revisions.put(cue, r.revision());
            String key = r.language() + "\n" + cue.character();
            castOf.put(key, line);
            byLanguageAndCharacter.computeIfAbsent(key, k -> new ArrayList<>()).add(cue.cueId());
        }
        round++;
        revisions.forEach(JobCue::revise);
        List<JobTask> tasks = new ArrayList<>();
        byLanguageAndCharacter.forEach((key, cueIds) -> {
            String language = key.substring(0, key.indexOf('\n'));
            CastLine line = castOf.get(key);
            tasks.add(JobTask.synthesize(id, round, language, line.character(), line.voiceId().orElseThrow(), cueIds, now));
        });
        state = JobState.RUNNING;
        stateReason = null;
        updatedAt = now;
        return tasks;
    }

    /** Every current review item is approved: the job may be delivered. */
    public void approve(Instant now) {
        if (state != JobState.IN_REVIEW) {
            throw new RuleViolationException("job " + id + " is " + state + ", not in review");
        }
        state = JobState.APPROVED;
        stateReason = null;
        updatedAt = now;
    }

    /** Review is complete but an item was rejected: the job waits, with the reviewer's reason, for its manager. */
    public void holdInReview(String reason, Instant now) {
        if (state == JobState.IN_REVIEW) {
            stateReason = Text.clip(reason, 2000);
            updatedAt = now;
        }
    }

    /** The approved job's delivery package was made. */
    public void delivered(Instant now) {
        if (state != JobState.APPROVED) {
            throw new RuleViolationException("job " + id + " is " + state + ": only an APPROVED job is delivered");
        }
        state = JobState.DELIVERED;
        updatedAt = now;
    }

    /** The round of work under way or last done: 0 for the first render, one more for each re-render. */
    public int round() {
        return round;
    }

    private static boolean inScope(TaskSummary task, Optional<String> scope) {
        return scope.map(task::inLanguage).orElse(true);
    }

    /** The number of the job's next progress event; the caller holds the job's row lock. */
    public long nextEventSequence() {
        return ++eventCount;
    }

    /** The number of the job's latest progress event (0 before the first). */
    public long lastEventSequence() {
        return eventCount;
    }

    /** Whether tasks of this job may still start. */
    public boolean accepting() {
        return state == JobState.QUEUED || state == JobState.RUNNING;
    }

    public Optional<JobTarget> target(String language) {
        return targets.stream().filter(t -> t.language().equals(language)).findFirst();
    }

    public UUID id() {
        return id;
    }

    public String titleCode() {
        return titleCode;
    }

    public UUID sourceMediaId() {
        return sourceMediaId;
    }

    public Optional<UUID> mneMediaId() {
        return Optional.ofNullable(mneMediaId);
    }

    public Optional<UUID> dialogueMediaId() {
        return Optional.ofNullable(dialogueMediaId);
    }

    public String territory() {
        return territory;
    }

    public Purpose purpose() {
        return purpose;
    }

    public int priority() {
        return priority;
    }

    /**
     * How urgently the task queue should serve this job's tasks, 0 to 9: its priority (1 to 10) less one, so
     * the next free worker takes an urgent job's task before a routine one's. A job's own tasks keep the
     * order they were dispatched in: giving its later stages precedence (a language's MIX beside the other
     * languages' synthesis) was measured slower — 1.45 against 1.86 for two nodes over one on two cores
     * (bench/nodes.sh), the MIX and the synthesis then contending for the same cores.
     */
    public int queuePriority() {
        return priority - 1;
    }

    public double maxTempo() {
        return maxTempo;
    }

    public Optional<String> originalLanguage() {
        return Optional.ofNullable(originalLanguage);
    }

    /** The delivery profile and the loudness MIX aims at and CHECK holds the language to. */
    public LoudnessSpec loudness() {
        return new LoudnessSpec(deliveryProfile, loudnessTargetLufs, truePeakCeilingDbtp, matchOriginalDialogue);
    }

    public JobState state() {
        return state;
    }

    public Optional<String> stateReason() {
        return Optional.ofNullable(stateReason);
    }

    public UUID gateCheckId() {
        return gateCheckId;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public List<JobTarget> targets() {
        return List.copyOf(targets);
    }
}
