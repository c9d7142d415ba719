package org.dubgate.media.voice;

import java.util.Optional;

/**
 * How to speak: an engine voice (empty = the engine's default for the language), pitch as a
 * percentage of the engine's default (100 = unchanged) and rate as a percentage of normal speed.
 */
public record VoiceSettings(Optional<String> voice, int pitchPercent, int ratePercent) {

    public static final VoiceSettings DEFAULT = new VoiceSettings(Optional.empty(), 100, 100);

    public VoiceSettings {
        if (pitchPercent < 50 || pitchPercent > 200) {
            throw new IllegalArgumentException("pitch must be 50 to 200 % of the voice's default, was " + pitchPercent);
        }
        if (ratePercent < 50 || ratePercent > 200) {
            throw new IllegalArgumentException("rate must be 50 to 200 % of normal speed, was " + ratePercent);
        }
        voice.ifPresent(v -> {
            if (!v.matches("[A-Za-z0-9_+.-]{1,64}")) {
                throw new IllegalArgumentException("voice name '" + v + "' has characters an engine voice never has");
            }
        });
    }
}
