package org.dubgate.domain.job;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.dubgate.domain.gate.JobPlan;
import org.dubgate.media.script.Cue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One target language of a job: its script's cues and its cast plan. */
@Entity
@Table(name = "job_target")
public class JobTarget {

    @Id
    private UUID id;

    @Column(nullable = false, length = 35)
    private String language;

    @Column(name = "script_format", nullable = false, length = 16)
    private String scriptFormat;

    /** How many cues the script has, so a progress view need not load them. */
    @Column(name = "cue_count", nullable = false)
    private int cueCount;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id", nullable = false)
    @OrderBy("startMicros")
    private List<JobCue> cues = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "target_id", nullable = false)
    private List<CastLine> cast = new ArrayList<>();

    protected JobTarget() {
        // for JPA
    }

    public JobTarget(String language, String scriptFormat, List<Cue> cues, List<CastLine> cast) {
        this.id = UUID.randomUUID();
        this.language = language;
        this.scriptFormat = scriptFormat;
        cues.forEach(c -> this.cues.add(new JobCue(c, c.character().orElseThrow())));
        this.cast.addAll(cast);
        this.cueCount = cues.size();
    }

    /** The cues of the characters dubbed this way, in time order. */
    public List<JobCue> cuesOf(JobPlan.Approach approach) {
        return cues.stream().filter(c -> castOf(c.character()).map(CastLine::approach).filter(approach::equals).isPresent())
                .toList();
    }

    /** Where the character's next cue after {@code cue} starts, if it has one: time-fit may borrow the silence up to it. */
    public Optional<java.time.Duration> nextCueStart(JobCue cue) {
        return cues.stream().filter(c -> c.character().equals(cue.character()) && c.start().compareTo(cue.end()) >= 0
                && !c.cueId().equals(cue.cueId())).map(JobCue::start).min(java.util.Comparator.naturalOrder());
    }

    /** The characters whose on-screen mouth is re-drawn to the dub in this language. */
    public List<CastLine> lipSyncedCast() {
        return cast.stream().filter(c -> c.lipSync().isPresent()).toList();
    }

    /**
     * The shots of a lip-synced character to alter: its cue spans, in time order, a span starting
     * within {@link Shot#JOIN_WITHIN} of the previous one's end joined to it — the picture is re-encoded
     * by whole GOPs, so two lines a breath apart are one stretch of altered picture, not two — unless
     * another character speaks in between.
     */
    public List<Shot> shotsOf(String character) {
        List<Shot> shots = new ArrayList<>();
        for (JobCue c : cues) {
            if (!c.character().equals(character)) {
                continue;
            }
            Shot last = shots.isEmpty() ? null : shots.get(shots.size() - 1);
            if (last != null && c.start().minus(last.end()).compareTo(Shot.JOIN_WITHIN) <= 0
                    && !anotherSpeaksBetween(character, last.end(), c.start())) {
                shots.set(shots.size() - 1, new Shot(last.start(), c.end().compareTo(last.end()) > 0 ? c.end() : last.end()));
            } else {
                shots.add(new Shot(c.start(), c.end()));
            }
        }
        return shots;
    }

    /**
     * Whether another character's cue overlaps the gap: the mouth is re-drawn from the language's whole
     * dialogue, so a shot joined across it would move this character's mouth to the other's line.
     */
    private boolean anotherSpeaksBetween(String character, java.time.Duration from, java.time.Duration to) {
        return cues.stream().anyMatch(o -> !o.character().equals(character) && o.start().compareTo(to) < 0
                && o.end().compareTo(from) > 0);
    }

    public Optional<JobCue> cue(String cueId) {
        return cues.stream().filter(c -> c.cueId().equals(cueId)).findFirst();
    }

    public Optional<CastLine> castOf(String character) {
        return cast.stream().filter(c -> c.character().equals(character)).findFirst();
    }

    public UUID id() {
        return id;
    }

    public String language() {
        return language;
    }

    public String scriptFormat() {
        return scriptFormat;
    }

    public int cueCount() {
        return cueCount;
    }

    public List<JobCue> cues() {
        return List.copyOf(cues);
    }

    public List<CastLine> cast() {
        return List.copyOf(cast);
    }
}
