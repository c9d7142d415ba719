package org.dubgate.web.job;

import org.dubgate.domain.job.CueOutput;
import org.dubgate.domain.job.QaCheck;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.dubgate.media.timing.TimeFit;

/**
 * A synthesized line and what made it: model, the artifact hash it ran with, and the covering grant;
 * and where time-fit placed it: start, tempo, length after the tempo, silence borrowed past the cue,
 * and for an OVERFLOW line the ratio it would have needed; and the line's automatic QA checks (none
 * before its language's CHECK has run); the round of work that made this version of the line, whether a
 * re-rendered version replaced it, the text it speaks and its fingerprint (text, voice and settings,
 * model hash, tempo limit), and whether it is stale: made otherwise than its cue would be now.
 */
public record OutputResponse(String id, String taskId, String cueId, double durationSeconds, String sha256,
                             String modelId, String modelSha256, String grantId, boolean quarantined,
                             TimeFitResponse timeFit, List<String> flags, double engineSeconds,
                             List<CheckResponse> checks, int round, boolean superseded, String text,
                             String fingerprint, Boolean stale) {

    /** Time-fit of one line, in seconds. */
    public record TimeFitResponse(double startSeconds, double tempo, double fittedSeconds, double borrowedSeconds,
                                  Double overflowRatio) {
    }

    public static OutputResponse of(CueOutput o, List<QaCheck> checks, java.util.Optional<Boolean> stale) {
        TimeFit fit = o.timeFit();
        return new OutputResponse(o.id().toString(), o.taskId().toString(), o.cueId(), seconds(o.length()),
                o.contentSha256(), o.modelId().toString(), o.modelSha256(), o.grantId().map(UUID::toString).orElse(null),
                o.quarantined(), new TimeFitResponse(seconds(fit.start()), fit.tempo(), seconds(fit.fittedLength()),
                seconds(fit.borrowed()), fit.overflow().orElse(null)), o.flags(), seconds(o.engineTime()),
                checks.stream().map(CheckResponse::of).toList(), o.round(), o.superseded(), o.spokenText().orElse(null),
                o.fingerprint().orElse(null), stale.orElse(null));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
