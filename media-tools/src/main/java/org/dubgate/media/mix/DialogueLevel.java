package org.dubgate.media.mix;

import org.dubgate.media.loudness.TruePeakLimiter;

import java.util.Optional;

/**
 * How a language's dialogue stem was brought to its {@link LoudnessTarget}: one gain for the whole
 * stem, from its dialogue-gated loudness as rendered to the level aimed at, then the true-peak limiter.
 * Loudness that cannot be measured (silence over the cues, or under 400 ms of them) is −∞.
 *
 * @param mode            what the level was aimed at: {@link LoudnessTarget.Mode#FIXED} also when
 *                        matching the original was asked for but fell back (see {@code fallback})
 * @param aimLufs         the dialogue-gated loudness aimed at
 * @param fallback        why the target's fixed level was used although matching the original was asked for
 * @param beforeLufs      the stem's dialogue-gated loudness as rendered
 * @param gainDb          the gain applied to the whole stem; 0 when the stem could not be measured
 * @param afterLufs       the written stem's dialogue-gated loudness, after the gain and the limiter
 * @param withinTolerance whether {@code afterLufs} is within the target's tolerance of {@code aimLufs}
 * @param limiter         what the stem's true-peak limiter did
 */
public record DialogueLevel(LoudnessTarget.Mode mode, double aimLufs, Optional<String> fallback, double beforeLufs,
                            double gainDb, double afterLufs, boolean withinTolerance,
                            TruePeakLimiter.Activity limiter) {
}
