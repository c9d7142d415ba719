package org.dubgate.media.voice;

import java.util.Optional;

/**
 * How to speak: an engine voice (empty = the engine's default for the language), pitch as a
 * percentage of the engine's default (100 = unchanged) and rate as a percentage of normal speed.
 */
public record VoiceSettings(Optional<String> voice, int pitchPercent, int ratePercent) {

    public static final VoiceSettings DEFAULT = new VoiceSettings(Optional.empty(), 100, 100);
    public static final int MIN_PERCENT = 50;
    public static final int MAX_PERCENT = 200;

    public VoiceSettings {
        if (!inRange(pitchPercent)) {
            throw new IllegalArgumentException("pitch must be 50 to 200 % of the voice's default, was " + pitchPercent);
        }
        if (!inRange(ratePercent)) {
            throw new IllegalArgumentException("rate must be 50 to 200 % of normal speed, was " + ratePercent);
        }
        voice.ifPresent(v -> {
            if (!isVoiceName(v)) {
                throw new IllegalArgumentException("voice name '" + v + "' has characters an engine voice never has");
            }
        });
    }

    /** Whether a pitch or rate percentage is one the engines are asked for. */
    public static boolean inRange(int percent) {
        return percent >= MIN_PERCENT && percent <= MAX_PERCENT;
    }

    /** Engine voice names are short words of letters, digits and {@code _ + . -}; nothing else reaches an engine. */
    public static boolean isVoiceName(String name) {
        return name.matches("[A-Za-z0-9_+.-]{1,64}");
    }
}
