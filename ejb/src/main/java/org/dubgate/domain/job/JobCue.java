package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dubgate.media.script.Cue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/** A script cue kept with the job, under its original id so re-renders can name it. */
@Entity
@Table(name = "job_cue")
public class JobCue {

    @Id
    private UUID id;

    @Column(name = "cue_id", nullable = false, length = 100)
    private String cueId;

    @Column(name = "start_micros", nullable = false)
    private long startMicros;

    @Column(name = "end_micros", nullable = false)
    private long endMicros;

    @Column(name = "character_name", nullable = false, length = 100)
    private String character;

    @Column(nullable = false, length = 4000)
    private String text;

    /** The script's own text, once a reviewer edited {@link #text}. */
    @Column(name = "original_text", length = 4000)
    private String originalText;

    /** A reviewer's voice settings for this line alone, over the voice's own (null: the voice's). */
    @Column(name = "rate_percent")
    private Integer ratePercent;

    @Column(name = "pitch_percent")
    private Integer pitchPercent;

    /** A reviewer's time-fit tempo limit for this line alone (null: the job's). */
    @Column(name = "max_tempo")
    private Double maxTempo;

    protected JobCue() {
        // for JPA
    }

    JobCue(Cue cue, String character) {
        this.id = UUID.randomUUID();
        this.cueId = cue.id();
        this.startMicros = cue.start().toNanos() / 1000;
        this.endMicros = cue.end().toNanos() / 1000;
        this.character = character;
        this.text = cue.text();
    }

    public String cueId() {
        return cueId;
    }

    public Duration start() {
        return Duration.of(startMicros, ChronoUnit.MICROS);
    }

    public Duration end() {
        return Duration.of(endMicros, ChronoUnit.MICROS);
    }

    public String character() {
        return character;
    }

    public String text() {
        return text;
    }

    /** What a reviewer changes of a line before it is made again; each part left out keeps what the line had. */
    public record Revision(Optional<String> text, Optional<Integer> ratePercent, Optional<Integer> pitchPercent,
                           Optional<Double> maxTempo) {

        public static final Revision NONE = new Revision(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** A reviewer's edit, kept for every later render of the line; the script's text is kept beside it. */
    void revise(Revision r) {
        r.text().filter(t -> !t.equals(text)).ifPresent(t -> {
            if (originalText == null) {
                originalText = text;
            }
            text = t;
        });
        r.ratePercent().ifPresent(v -> ratePercent = v);
        r.pitchPercent().ifPresent(v -> pitchPercent = v);
        r.maxTempo().ifPresent(v -> maxTempo = v);
    }

    /** The script's text when a reviewer edited it. */
    public Optional<String> originalText() {
        return Optional.ofNullable(originalText);
    }

    public Optional<Integer> ratePercent() {
        return Optional.ofNullable(ratePercent);
    }

    public Optional<Integer> pitchPercent() {
        return Optional.ofNullable(pitchPercent);
    }

    public Optional<Double> maxTempo() {
        return Optional.ofNullable(maxTempo);
    }
}
