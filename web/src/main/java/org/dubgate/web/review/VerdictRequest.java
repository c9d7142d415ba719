package org.dubgate.web.review;

import org.dubgate.domain.job.DubbingJob;
import org.dubgate.domain.job.JobCue;
import org.dubgate.domain.review.ReviewItem;
import org.dubgate.domain.review.Verdict;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.dubgate.media.voice.VoiceSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's verdict: {@code APPROVED}; {@code REJECTED} with a note; or {@code RERENDER} with a
 * note and an edited {@code text}, voice settings ({@code ratePercent}, {@code pitchPercent}) and/or a
 * time-fit tempo limit ({@code maxTempo}) for this line alone.
 */
public record VerdictRequest(String verdict, String note, String text, Integer ratePercent, Integer pitchPercent,
                             Double maxTempo) {

    /** The largest edited text a line may have, as a script cue. */
    static final int MAX_TEXT = 1000;

    /** Checks the fields' own form (what a verdict needs beyond that, the item decides) and every problem at once. */
    public ReviewItem.Decision decision() {
        List<FieldError> errors = new ArrayList<>();
        Optional<Verdict> v = Optional.ofNullable(verdict).flatMap(x -> Arrays.stream(Verdict.values())
                .filter(e -> e.name().equals(x)).findFirst());
        if (v.isEmpty()) {
            errors.add(new FieldError("verdict", "one of " + Arrays.toString(Verdict.values())));
        }
        Optional<String> edited = Optional.ofNullable(text).map(String::strip);
        if (edited.filter(String::isEmpty).isPresent()) {
            errors.add(new FieldError("text", "an edited text cannot be empty"));
        } else if (edited.filter(t -> t.length() > MAX_TEXT).isPresent()) {
            errors.add(new FieldError("text", "at most " + MAX_TEXT + " characters"));
        }
        for (var p : List.of(java.util.Map.entry("ratePercent", Optional.ofNullable(ratePercent)),
                java.util.Map.entry("pitchPercent", Optional.ofNullable(pitchPercent)))) {
            p.getValue().filter(x -> x < VoiceSettings.MIN_PERCENT || x > VoiceSettings.MAX_PERCENT).ifPresent(x ->
                    errors.add(new FieldError(p.getKey(), VoiceSettings.MIN_PERCENT + " to " + VoiceSettings.MAX_PERCENT)));
        }
        Optional.ofNullable(maxTempo).filter(t -> !(t >= DubbingJob.MIN_TEMPO && t <= DubbingJob.MAX_TEMPO))
                .ifPresent(t -> errors.add(new FieldError("maxTempo", DubbingJob.MIN_TEMPO + " to " + DubbingJob.MAX_TEMPO)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ReviewItem.Decision(v.get(), Optional.ofNullable(note), new JobCue.Revision(
                edited.filter(t -> !t.isEmpty()), Optional.ofNullable(ratePercent), Optional.ofNullable(pitchPercent),
                Optional.ofNullable(maxTempo)));
    }
}
