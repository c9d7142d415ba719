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

/**
 * How one character is dubbed in one target language: by a human stem, a synthetic voice, or left
 * original; and whether the on-screen performer's mouth is re-drawn to the dub (lip-sync), by which
 * LIP_SYNC model, under that performer's own LIP_SYNC grant (R1).
 */
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

    @Column(name = "lip_sync_performer_id")
    private UUID lipSyncPerformerId;

    @Column(name = "lip_sync_model_id")
    private UUID lipSyncModelId;

    protected CastLine() {
        // for JPA
    }

    public CastLine(String character, JobPlan.Approach approach, UUID voiceId, UUID dubStemMediaId) {
        this(character, approach, voiceId, dubStemMediaId, Optional.empty());
    }

    public CastLine(String character, JobPlan.Approach approach, UUID voiceId, UUID dubStemMediaId,
                    Optional<JobPlan.LipSync> lipSync) {
        this.id = UUID.randomUUID();
        this.lipSyncPerformerId = lipSync.map(JobPlan.LipSync::onScreenPerformerId).orElse(null);
        this.lipSyncModelId = lipSync.map(JobPlan.LipSync::modelId).orElse(null);
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

    /** The on-screen performer whose mouth is re-drawn to the dub in this language, and the model doing it. */
    public Optional<JobPlan.LipSync> lipSync() {
        return lipSyncPerformerId == null ? Optional.empty()
                : Optional.of(new JobPlan.LipSync(lipSyncPerformerId, lipSyncModelId));
    }
}
