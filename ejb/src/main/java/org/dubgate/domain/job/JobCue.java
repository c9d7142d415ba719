package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dubgate.media.script.Cue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
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
}
