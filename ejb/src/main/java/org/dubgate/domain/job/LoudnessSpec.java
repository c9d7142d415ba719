package org.dubgate.domain.job;

import org.dubgate.domain.shared.EnumNames;
import org.dubgate.domain.shared.InvalidInputException.FieldError;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /**
     * What a job asks for, each part optional: the profile (STREAMING when none is named), a target and
     * a ceiling of its own within range. Every problem is added to {@code errors} under the request's
     * field name ({@code delivery.…}); empty when there is one.
     */
    public static Optional<LoudnessSpec> requested(String profileName, Double loudnessLufs, Double truePeakDbtp,
                                                   Boolean matchOriginal, List<FieldError> errors) {
        Optional<DeliveryProfile> profile = profileName == null ? Optional.of(DeliveryProfile.STREAMING)
                : EnumNames.find(DeliveryProfile.class, profileName);
        if (profile.isEmpty()) {
            errors.add(new FieldError("delivery.profile", "one of " + Arrays.toString(DeliveryProfile.values())
                    + " (left out: STREAMING)"));
        }
        // an unknown profile has no figures of its own to fall back on: only figures given are checked then
        double target = loudnessLufs != null ? loudnessLufs
                : profile.map(DeliveryProfile::targetLufs).orElse(DeliveryProfile.MAX_TARGET);
        if (!(target >= DeliveryProfile.MIN_TARGET && target <= DeliveryProfile.MAX_TARGET)) {
            errors.add(new FieldError("delivery.loudnessLufs", "the dialogue loudness in LUFS, "
                    + DeliveryProfile.MIN_TARGET + " to " + DeliveryProfile.MAX_TARGET + " (left out: the profile's)"));
        }
        double ceiling = truePeakDbtp != null ? truePeakDbtp
                : profile.map(DeliveryProfile::ceilingDbtp).orElse(DeliveryProfile.MAX_CEILING);
        if (!(ceiling >= DeliveryProfile.MIN_CEILING && ceiling <= DeliveryProfile.MAX_CEILING)) {
            errors.add(new FieldError("delivery.truePeakDbtp", "the true-peak ceiling in dBTP, "
                    + DeliveryProfile.MIN_CEILING + " to " + DeliveryProfile.MAX_CEILING + " (left out: the profile's)"));
        }
        return profile.map(p -> new LoudnessSpec(p, target, ceiling, Boolean.TRUE.equals(matchOriginal)));
    }

    public double toleranceLu() {
        return profile.toleranceLu();
    }
}
