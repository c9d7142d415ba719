package org.dubgate.domain.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.dubgate.domain.gate.JobPlan;

import java.util.Optional;
import java.util.UUID;

/** How one character is dubbed in one target language: by a human stem, a synthetic voice, or left original. */
@Entity
@Table(name = "job_cast_line")
public class CastLine {

    @Id
    private UUID id;

    @Column(name = "character_name", nullable = false, length = 100)
    private String character;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobPlan.Approach approach;

    @Column(name = "voice_id")
    private UUID voiceId;

    @Column(name = "dub_stem_media_id")
    private UUID dubStemMediaId;

    protected CastLine() {
        // for JPA
    }

    public CastLine(String character, JobPlan.Approach approach, UUID voiceId, UUID dubStemMediaId) {
        this.id = UUID.randomUUID();
        this.character = character;
        this.approach = approach;
        this.voiceId = voiceId;
        this.dubStemMediaId = dubStemMediaId;
    }

    public String character() {
        return character;
    }

    public JobPlan.Approach approach() {
        return approach;
    }

    public Optional<UUID> voiceId() {
        return Optional.ofNullable(voiceId);
    }

    public Optional<UUID> dubStemMediaId() {
        return Optional.ofNullable(dubStemMediaId);
    }
}
