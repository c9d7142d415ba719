package org.dubgate.domain.job;

/**
 * A job's loudness: its delivery profile, with the dialogue target and true-peak ceiling the job
 * may set instead of the profile's, and whether the dub's dialogue is to match the original
 * dialogue's level over the same cues rather than a fixed target. MIX aims the dub's dialogue at
 * the target; CHECK measures the result against the profile.
 *
 * @param targetLufs         where MIX puts the dub's dialogue (dialogue-gated), and what CHECK
 *                           holds the profile's measure to
 * @param ceilingDbtp        the true peak no full mix may exceed
 * @param matchOriginal      aim at the original dialogue's level instead of {@code targetLufs}
 */
public record LoudnessSpec(DeliveryProfile profile, double targetLufs, double ceilingDbtp, boolean matchOriginal) {

    public double toleranceLu() {
        return profile.toleranceLu();
    }
}
