package org.dubgate.web.catalog;

import org.dubgate.domain.voice.Voice;

import java.time.Instant;
import java.util.UUID;

public record VoiceResponse(String id, String name, String modelId, String performerId, boolean stock,
                            String engineVoice, int pitchPercent, int ratePercent, String createdBy, Instant createdAt) {

    public static VoiceResponse of(Voice v) {
        return new VoiceResponse(v.id().toString(), v.name(), v.modelId().toString(),
                v.performerId().map(UUID::toString).orElse(null), v.stock(), v.engineVoice().orElse(null),
                v.pitchPercent(), v.ratePercent(), v.createdBy(), v.createdAt());
    }
}
