package org.dubgate.domain.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.job.AlteredShot;
import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.job.QaCheck;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.domain.shared.Text;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One output waiting for a human decision: a synthesized line (every one, by policy), or a check of a
 * language's mix that automatic QA flagged. What a list shows — the line's text, character and time
 * range, its flags — is copied onto the item when it opens, so the QA queue reads one table.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem {

    /** What is reviewed. */
    public enum Kind {
        /** A synthesized line: its audio, in its mix, against the original. */
        LINE,
        /** A check of a language's full mix that automatic QA flagged (loudness, true peak, the original audible …). */
        CHECK,
        /** A lip-synced shot (every one, by policy): its before|after still and its sync score against the dub. */
        SHOT
    }

    /** The largest note a reviewer may leave. */
    public static final int MAX_NOTE = 2000;

    @Id
    private UUID id;

    @Column(name = "job_id", nullable = false)
    private UUID jobId;

    @Column(name = "render_round", nullable = false)
    private int round;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_kind", nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 35)
    private String language;

    @Column(name = "cue_id", length = 100)
    private String cueId;

    @Column(name = "output_id")
    private UUID outputId;

    @Column(name = "check_id")
    private UUID checkId;

    @Column(name = "shot_id")
    private UUID shotId;

    @Column(name = "character_name", length = 100)
    private String character;

    @Column(name = "start_micros")
    private Long startMicros;

    @Column(name = "end_micros")
    private Long endMicros;

    @Column(name = "line_text", length = 4000)
    private String text;

    /** The flags automatic QA raised, comma-separated (a flagged check's own kind for a CHECK item). */
    @Column(nullable = false, length = 300)
    private String flags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ReviewState state;

    @Column(length = MAX_NOTE)
    private String note;

    @Column(length = 64)
    private String reviewer;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "edited_text", length = 4000)
    private String editedText;

    @Column(name = "rate_percent")
    private Integer ratePercent;

    @Column(name = "pitch_percent")
    private Integer pitchPercent;

    @Column(name = "max_tempo")
    private Double maxTempo;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected ReviewItem() {
        // for JPA
    }

    /** A synthesized line, with the flags automatic QA (and time-fit) raised on it. */
    public static ReviewItem line(int round, String language, JobCue cue, CueOutput output, Instant now) {
        ReviewItem i = open(output.jobId(), round, Kind.LINE, language, now);
        i.cueId = cue.cueId();
        i.outputId = output.id();
        i.character = cue.character();
        i.startMicros = cue.start().toNanos() / 1000;
        i.endMicros = cue.end().toNanos() / 1000;
        i.text = output.spokenText().orElse(cue.text());
        i.flags = Text.clip(String.join(",", output.flags()), 300);
        return i;
    }

    /** A check of a language's mix that automatic QA flagged. */
    public static ReviewItem failedCheck(int round, QaCheck check, Instant now) {
        ReviewItem i = open(check.jobId(), round, Kind.CHECK, check.language(), now);
        i.checkId = check.id();
        i.flags = check.kind().name();
        return i;
    }

    /**
     * A shot whose on-screen mouth was re-drawn: always reviewed (altering a performance is the most
     * sensitive use there is), flagged LIP_SYNC, and SYNC_NOT_IMPROVED when the picture matches the dub
     * no better than before.
     */
    public static ReviewItem shot(AlteredShot shot, Instant now) {
        ReviewItem i = open(shot.jobId(), shot.round(), Kind.SHOT, shot.language(), now);
        i.shotId = shot.id();
        i.character = shot.character();
        i.startMicros = shot.span().start().toNanos() / 1000;
        i.endMicros = shot.span().end().toNanos() / 1000;
        i.text = String.format(java.util.Locale.ROOT, "lip-sync of %s: sync with the dub %.3f before, %.3f after",
                shot.character(), shot.syncBefore(), shot.syncAfter());
        i.flags = shot.syncAfter() > shot.syncBefore() ? "LIP_SYNC" : "LIP_SYNC,SYNC_NOT_IMPROVED";
        return i;
    }

    private static ReviewItem open(UUID jobId, int round, Kind kind, String language, Instant now) {
        ReviewItem i = new ReviewItem();
        i.id = UUID.randomUUID();
        i.jobId = jobId;
        i.round = round;
        i.kind = kind;
        i.language = language;
        i.state = ReviewState.OPEN;
        i.createdAt = now;
        return i;
    }

    /** What a reviewer decided, with the edits a re-render asks for. */
    public record Decision(Verdict verdict, Optional<String> note, JobCue.Revision revision) {
    }

    /**
     * A reviewer's verdict. A rejection needs a note for the manager; a re-render a note and
     * something to change — that is what makes the next version differ — and only a line can be made again.
     */
    public void decide(Decision d, String by, Instant now) {
        if (state != ReviewState.OPEN) {
            throw new RuleViolationException("review item " + id + " is " + state + ": only an OPEN item takes a verdict");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<String> note = d.note().map(String::strip).filter(n -> !n.isEmpty());
        if (d.verdict() != Verdict.APPROVED && note.isEmpty()) {
            errors.add(new FieldError("note", "a " + d.verdict() + " verdict needs a note saying why"));
        }
        note.filter(n -> n.length() > MAX_NOTE).ifPresent(n -> errors.add(new FieldError("note", "at most " + MAX_NOTE
                + " characters")));
        if (d.verdict() == Verdict.RERENDER) {
            JobCue.Revision r = d.revision();
            if (kind != Kind.LINE) {
                errors.add(new FieldError("verdict", "only a LINE item can be rendered again; this is a " + kind
                        + " item: approve it, or reject it for the manager"));
            } else if (r.equals(JobCue.Revision.NONE)) {
                errors.add(new FieldError("text", "a RERENDER needs an edited text, voice settings (rate, pitch) or a "
                        + "tempo limit: the same request would make the same line"));
            }
        } else if (!d.revision().equals(JobCue.Revision.NONE)) {
            errors.add(new FieldError("verdict", "edits are given only with a RERENDER verdict"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        state = ReviewState.of(d.verdict());
        this.note = note.orElse(null);
        reviewer = by;
        decidedAt = now;
        if (d.verdict() == Verdict.RERENDER) {
            editedText = d.revision().text().orElse(null);
            ratePercent = d.revision().ratePercent().orElse(null);
            pitchPercent = d.revision().pitchPercent().orElse(null);
            maxTempo = d.revision().maxTempo().orElse(null);
        }
    }

    /** A newer version replaced what this item is about (a re-rendered line, a language mixed again). */
    public void supersede() {
        state = ReviewState.SUPERSEDED;
    }

    /** Whether the item still counts for the job's approval. */
    public boolean current() {
        return state != ReviewState.SUPERSEDED;
    }

    /** What a RERENDER verdict asked to change. */
    public JobCue.Revision revision() {
        return new JobCue.Revision(Optional.ofNullable(editedText), Optional.ofNullable(ratePercent),
                Optional.ofNullable(pitchPercent), Optional.ofNullable(maxTempo));
    }

    public UUID id() {
        return id;
    }

    public UUID jobId() {
        return jobId;
    }

    public int round() {
        return round;
    }

    public Kind kind() {
        return kind;
    }

    public String language() {
        return language;
    }

    public Optional<String> cueId() {
        return Optional.ofNullable(cueId);
    }

    public Optional<UUID> outputId() {
        return Optional.ofNullable(outputId);
    }

    public Optional<UUID> checkId() {
        return Optional.ofNullable(checkId);
    }

    public Optional<UUID> shotId() {
        return Optional.ofNullable(shotId);
    }

    public Optional<String> character() {
        return Optional.ofNullable(character);
    }

    public Optional<Duration> start() {
        return Optional.ofNullable(startMicros).map(m -> Duration.of(m, ChronoUnit.MICROS));
    }

    public Optional<Duration> end() {
        return Optional.ofNullable(endMicros).map(m -> Duration.of(m, ChronoUnit.MICROS));
    }

    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    public List<String> flags() {
        return flags.isEmpty() ? List.of() : Arrays.asList(flags.split(","));
    }

    public ReviewState state() {
        return state;
    }

    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    public Optional<String> reviewer() {
        return Optional.ofNullable(reviewer);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
