package org.dubgate.application.pipeline;

import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.domain.job.QaCheck.Finding;
import org.dubgate.domain.job.QaCheck.Kind;
import org.dubgate.domain.job.QaCheck.Verdict;
import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.mix.Iso639;
import org.dubgate.media.qa.LanguageAudit;
import org.dubgate.media.qa.LineFigures;
import org.dubgate.media.qa.QaException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The checks of one language's full mix against the job's delivery profile: the loudness the
 * profile measures (dialogue-gated over the script's cues, or the programme's), true peak, runs of
 * full-scale samples, its duration against the source's, the track tags ASSEMBLE will write, and
 * what MIX flagged; the original dialogue's level over the same cues and MIX's gain for the record.
 */
final class MixChecks {

    private MixChecks() {
    }

    static List<Finding> of(CheckWork w) throws LoudnessException, QaException {
        return judge(w, new LanguageAudit().audit(w.fullMix(), Optional.of(w.source()), w.cueSpans(), List.of()));
    }

    /** The verdicts on what the audio says. */
    static List<Finding> judge(CheckWork w, LanguageAudit.Figures audio) {
        List<Finding> found = new ArrayList<>();
        Loudness mix = audio.mix();
        Loudness original = audio.original().orElseThrow();
        LoudnessSpec spec = w.loudness();
        DeliveryProfile profile = spec.profile();
        double dialogue = mix.dialogueGated().map(Loudness.Gated::integratedLufs).orElse(Double.NEGATIVE_INFINITY);
        double originalDialogue = original.dialogueGated().map(Loudness.Gated::integratedLufs)
                .orElse(Double.NEGATIVE_INFINITY);
        double share = mix.dialogueGated().map(g -> mix.durationSeconds() > 0 ? g.seconds() / mix.durationSeconds() : 0)
                .orElse(0.0);
        double dialogueTarget = spec.matchOriginal() && Double.isFinite(originalDialogue) ? originalDialogue
                : spec.targetLufs();
        boolean dialogueMeasured = profile.measure() == DeliveryProfile.Measure.DIALOGUE_GATED
                && share >= DeliveryProfile.SPARSE_DIALOGUE_SHARE;
        String why = String.format(Locale.ROOT, "%s; dialogue covers %.0f %% of the runtime", profile, share * 100);
        if (dialogueMeasured) {
            found.add(range(Kind.DIALOGUE_LOUDNESS, dialogue, dialogueTarget, spec.toleranceLu(), "LUFS", why
                    + (spec.matchOriginal() ? "; matching the original dialogue" : "")));
            found.add(noted(Kind.PROGRAMME_LOUDNESS, mix.integratedLufs(), "LUFS", "the whole programme, for the record"));
        } else {
            double fixed = profile.measure() == DeliveryProfile.Measure.PROGRAMME ? spec.targetLufs()
                    : profile.sparseProgrammeLufs();
            // as MIX aimed: matching the original means its programme level here
            double target = spec.matchOriginal() && Double.isFinite(original.integratedLufs())
                    ? original.integratedLufs() : fixed;
            found.add(range(Kind.PROGRAMME_LOUDNESS, mix.integratedLufs(), target, spec.toleranceLu(), "LUFS", why
                    + (spec.matchOriginal() ? "; matching the original" : "")));
            found.add(noted(Kind.DIALOGUE_LOUDNESS, dialogue, "LUFS", "over the script's cues, for the record"));
        }
        found.add(noted(Kind.ORIGINAL_DIALOGUE_LOUDNESS, originalDialogue, "LUFS",
                "the source's audio over the same cues"));
        found.add(atMost(Kind.TRUE_PEAK, mix.truePeakDbtp(), spec.ceilingDbtp(), "dBTP", "4x oversampled, every channel"));

        LineFigures samples = audio.mixSamples();
        found.add(new Finding(Kind.CLIPPING, Optional.empty(), Optional.empty(), OptionalDouble.of(samples.clippedRuns()),
                "runs", Optional.of("0 runs of full-scale samples"),
                samples.clippedRuns() == 0 ? Verdict.PASSED : Verdict.FLAGGED,
                Optional.of("longest " + samples.longestClippedRun() + " samples")));

        double off = Math.abs(mix.durationSeconds() - w.sourceSeconds());
        double frame = w.frame().toNanos() / 1e9;
        found.add(new Finding(Kind.PROGRAMME_DURATION, Optional.empty(), Optional.empty(), OptionalDouble.of(off), "s",
                Optional.of(String.format(Locale.ROOT, "within one frame (%.3f s) of the source", frame)),
                off <= frame ? Verdict.PASSED : Verdict.FLAGGED, Optional.of(String.format(Locale.ROOT,
                "mix %.3f s, source %.3f s", mix.durationSeconds(), w.sourceSeconds()))));

        String tag = Iso639.bibliographic(w.language());
        found.add(new Finding(Kind.TRACK_TAGS, Optional.empty(), Optional.empty(), OptionalDouble.empty(), "",
                Optional.of("an ISO 639-2 language tag"), tag.equals("und") ? Verdict.FLAGGED : Verdict.PASSED,
                Optional.of("the dub track is tagged '" + tag + "' and titled '" + Iso639.englishName(w.language())
                        + " dub (AI-generated dialogue)'")));

        boolean audible = w.mixFlags().contains(Kind.NO_MNE_ORIGINAL_AUDIBLE.name());
        found.add(new Finding(Kind.NO_MNE_ORIGINAL_AUDIBLE, Optional.empty(), Optional.empty(), OptionalDouble.empty(),
                "", Optional.of("an M&E stem, or a 5.1 source whose centre is replaced"),
                audible ? Verdict.FLAGGED : Verdict.PASSED, Optional.of(audible
                ? "no M&E stem: the original (its dialogue too) is only ducked under the dub lines"
                : "the original dialogue is not in the mix")));
        w.dialogueGainDb().ifPresent(g -> found.add(noted(Kind.MIX_GAIN, g, "dB",
                "applied by MIX to the dub's dialogue to meet the target")));
        return found;
    }

    private static Finding range(Kind kind, double figure, double target, double tolerance, String unit, String detail) {
        boolean ok = Double.isFinite(figure) && Math.abs(figure - target) <= tolerance;
        return new Finding(kind, Optional.empty(), Optional.empty(), OptionalDouble.of(figure), unit,
                Optional.of(String.format(Locale.ROOT, "%.1f ±%.1f %s", target, tolerance, unit)),
                ok ? Verdict.PASSED : Verdict.FLAGGED, Optional.of(detail));
    }

    private static Finding atMost(Kind kind, double figure, double limit, String unit, String detail) {
        return new Finding(kind, Optional.empty(), Optional.empty(), OptionalDouble.of(figure), unit,
                Optional.of(String.format(Locale.ROOT, "≤ %.1f %s", limit, unit)),
                figure <= limit ? Verdict.PASSED : Verdict.FLAGGED, Optional.of(detail));
    }

    private static Finding noted(Kind kind, double figure, String unit, String detail) {
        return new Finding(kind, Optional.empty(), Optional.empty(), OptionalDouble.of(figure), unit, Optional.empty(),
                Verdict.NOTED, Optional.of(detail));
    }
}
