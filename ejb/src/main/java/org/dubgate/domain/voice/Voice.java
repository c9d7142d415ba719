package org.dubgate.domain.voice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.ModelKind;
import org.dubgate.domain.performer.Performer;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.domain.shared.Text;
import org.dubgate.media.voice.VoiceSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A synthetic voice a cast can use: a voice model, the engine voice and settings, and the performer
 * whose voice it stands for (absent for a stock voice). Whether it may be used for a job is the
 * consent gate's decision at submission and again in the worker, never the voice's.
 */
@Entity
@Table(name = "voice")
public class Voice {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "model_id", nullable = false)
    private UUID modelId;

    @Column(name = "performer_id")
    private UUID performerId;

    @Column(name = "engine_voice", length = 64)
    private String engineVoice;

    @Column(name = "pitch_percent", nullable = false)
    private int pitchPercent;

    @Column(name = "rate_percent", nullable = false)
    private int ratePercent;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Voice() {
        // for JPA
    }

    /** Checked together; {@code model} and {@code performer} are what the given ids found, if anything. */
    public static Voice define(String name, UUID modelId, Optional<AiModel> model, UUID performerId,
                               Optional<Performer> performer, String engineVoice, Integer pitchPercent,
                               Integer ratePercent, String by, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (Text.trimmed(name).isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "required, at most 200 characters"));
        }
        if (modelId == null || model.isEmpty()) {
            errors.add(new FieldError("modelId", "a model in the registry is required"));
        } else if (model.get().kind() != ModelKind.VOICE) {
            errors.add(new FieldError("modelId", "model " + model.get().name() + " is a " + model.get().kind()
                    + " model, not a VOICE model"));
        }
        if (performerId != null && performer.isEmpty()) {
            errors.add(new FieldError("performerId", "no performer with this id"));
        }
        if (engineVoice != null && !VoiceSettings.isVoiceName(engineVoice)) {
            errors.add(new FieldError("engineVoice", "an engine voice name (letters, digits, _ + . -)"));
        }
        for (var p : List.of(java.util.Map.entry("pitchPercent", pitchPercent == null ? 100 : pitchPercent),
                java.util.Map.entry("ratePercent", ratePercent == null ? 100 : ratePercent))) {
            if (!VoiceSettings.inRange(p.getValue())) {
                errors.add(new FieldError(p.getKey(), VoiceSettings.MIN_PERCENT + " to " + VoiceSettings.MAX_PERCENT
                        + " (% of the engine's default)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Voice v = new Voice();
        v.id = UUID.randomUUID();
        v.name = name.strip();
        v.modelId = modelId;
        v.performerId = performerId;
        v.engineVoice = engineVoice;
        v.pitchPercent = pitchPercent == null ? 100 : pitchPercent;
        v.ratePercent = ratePercent == null ? 100 : ratePercent;
        v.createdBy = by;
        v.createdAt = now;
        return v;
    }

    public boolean stock() {
        return performerId == null;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID modelId() {
        return modelId;
    }

    public Optional<UUID> performerId() {
        return Optional.ofNullable(performerId);
    }

    public Optional<String> engineVoice() {
        return Optional.ofNullable(engineVoice);
    }

    public int pitchPercent() {
        return pitchPercent;
    }

    public int ratePercent() {
        return ratePercent;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
