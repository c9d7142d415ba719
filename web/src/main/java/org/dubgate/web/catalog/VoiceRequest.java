package org.dubgate.web.catalog;

import java.util.UUID;

/** A voice: the model, the performer it stands for (none for a stock voice), engine voice and settings. */
public record VoiceRequest(String name, UUID modelId, UUID performerId, String engineVoice, Integer pitchPercent,
                           Integer ratePercent) {
}
