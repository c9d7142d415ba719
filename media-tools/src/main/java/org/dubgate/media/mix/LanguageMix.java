package org.dubgate.media.mix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One language's MIX stage: its dialogue stem (every line at its time-fitted place, over any beds),
 * then the full mix of that stem over the programme's bed (see {@link ProgrammeMix}). Both files
 * are streamed; nothing here holds more than one line and a few blocks.
 *
 * <p>With a {@link LoudnessTarget} the stem is levelled to it by itself (one gain to the dialogue-gated
 * level aimed at, then a true-peak limiter at the target's ceiling, see {@link DialogueLevel}) and the
 * full mix is limited to the same ceiling. Without one, the stem is written as rendered and the full
 * mix only kept under full scale.
 *
 * <p>With a {@link Disclosure} both files say in their own metadata that they hold AI-generated dialogue
 * and name the manifest (R7), so either one handed on alone still says so; the samples are the same.
 *
 * @param source   the picture-and-sound source (the bed when there is no M&E)
 * @param mne      the music-and-effects stem, when supplied
 * @param length   the programme's length: both outputs last exactly this long
 * @param lines    the synthesized lines, placed and tempo-adjusted as time-fit decided
 * @param beds     HUMAN stems and original dialogue kept for ORIGINAL characters
 * @param dubSpans where dub dialogue sounds: the original is ducked there when there is no M&E, and the
 *                 dialogue-gated loudness is measured over them
 * @param target   the loudness the dialogue is brought to, if any
 * @param gateOn   what the target's dialogue-gated loudness is measured over: the script's cues
 *                 (the dub spans when not given)
 * @param disclosure what the two delivered files say about themselves in their metadata (R7), if anything:
 *                 the 24-bit stem and the full mix carry it, the levelling's scratch file does not
 */
public record LanguageMix(Path source, Optional<Path> mne, Duration length, List<DialogueStem.Line> lines,
                          List<DialogueStem.Bed> beds, List<Span> dubSpans, Optional<LoudnessTarget> target,
                          List<Span> gateOn, Optional<Disclosure> disclosure) {

    public LanguageMix {
        lines = List.copyOf(lines);
        beds = List.copyOf(beds);
        dubSpans = List.copyOf(dubSpans);
        Objects.requireNonNull(target, "target");
        gateOn = List.copyOf(gateOn);
        Objects.requireNonNull(disclosure, "disclosure");
    }

    /** A mix whose files carry no disclosure. */
    public LanguageMix(Path source, Optional<Path> mne, Duration length, List<DialogueStem.Line> lines,
                       List<DialogueStem.Bed> beds, List<Span> dubSpans, Optional<LoudnessTarget> target,
                       List<Span> gateOn) {
        this(source, mne, length, lines, beds, dubSpans, target, gateOn, Optional.empty());
    }

    /** A mix without a loudness target. */
    public LanguageMix(Path source, Optional<Path> mne, Duration length, List<DialogueStem.Line> lines,
                       List<DialogueStem.Bed> beds, List<Span> dubSpans) {
        this(source, mne, length, lines, beds, dubSpans, Optional.empty(), dubSpans);
    }

    /** This mix, with its dialogue levelled so the mix meets {@code target} over the dub spans. */
    public LanguageMix withTarget(LoudnessTarget target) {
        return withTarget(target, dubSpans);
    }

    /** This mix, with its dialogue levelled so the mix meets {@code target} over {@code cues}. */
    public LanguageMix withTarget(LoudnessTarget target, List<Span> cues) {
        return new LanguageMix(source, mne, length, lines, beds, dubSpans, Optional.of(target), cues, disclosure);
    }

    /** This mix, its dialogue stem and full mix saying in their metadata what {@code d} says. */
    public LanguageMix withDisclosure(Disclosure d) {
        return new LanguageMix(source, mne, length, lines, beds, dubSpans, target, gateOn, Optional.of(d));
    }

    /**
     * Writes the dialogue stem and the full mix; says how the mix was made, what QA should know, with
     * a target how the dialogue was levelled ({@link ProgrammeMix.Result#dialogue()}), and what the two
     * files hold ({@link ProgrammeMix.Result#stem()}, {@link ProgrammeMix.Result#mix()}), hashed as
     * they were written. The full mix takes the stem's samples as they are written, in step with it.
     */
    public ProgrammeMix.Result render(Path dialogueStemOut, Path fullMixOut) throws MixException {
        if (target.isEmpty()) {
            try (FullMix full = new FullMix(mne, source, dubSpans, length, ProgrammeMix.FULL_SCALE_DBTP, disclosure,
                    fullMixOut)) {
                FileDigest stem = DialogueStem.render(lines, beds, length, disclosure, dialogueStemOut,
                        full.fromStem());
                return full.finish(stem);
            }
        }
        // with a kept gain nothing is aimed at: the bed's level does not matter
        double bed = target.get().keptGainDb().isPresent() ? Double.NEGATIVE_INFINITY
                : ProgrammeMix.bedLoudness(mne, source, dubSpans, length, gateOn);
        try (DialogueLevelling.Measured measured = DialogueLevelling.measure(this, target.get(), bed, dialogueStemOut);
             FullMix full = new FullMix(mne, source, dubSpans, length, target.get().truePeakDbtp(), disclosure,
                     fullMixOut)) {
            DialogueLevelling.Levelled levelled = measured.apply(dialogueStemOut, full.fromStem());
            return full.finish(levelled.stem()).withDialogue(levelled.level());
        }
    }
}
