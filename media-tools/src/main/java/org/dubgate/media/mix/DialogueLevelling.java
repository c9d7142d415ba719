package org.dubgate.media.mix;

import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.loudness.LoudnessAnalyzer;
import org.dubgate.media.loudness.LoudnessException;
import org.dubgate.media.loudness.TruePeakLimiter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a language's dialogue stem at its {@link LoudnessTarget}, in two streamed passes so memory
 * stays flat however long the programme. First the stem is rendered as usual into a scratch file
 * beside the output ({@link UnlevelledStem}), its dialogue-gated loudness measured on the way. Then
 * that file is read back through one gain, to the level aimed at, and the true-peak limiter, measured
 * again, and written as the 24-bit stem, each sample handed on to the full mix as it is written; the
 * scratch file is deleted. One gain for the whole stem keeps the balance between lines the
 * performance gave them.
 *
 * <p>What is aimed at is the mix, not the stem alone: the target is a level of the full mix over the
 * cues (where the bed — an M&E, or the ducked original — sounds too). With the bed's own level there
 * B and the target T, the dialogue is aimed at 10·log10(10^(T/10) − 10^(B/10)), the energy the bed
 * leaves to it (loudness adds as energy for signals that are not correlated). When the bed alone is
 * within 1 LU of the target or above it, the dialogue is put at the target and the result says so.
 */
final class DialogueLevelling {

    private static final int BLOCK = 4_800;
    /** The stem is mono: one front channel, weighted 1 (as it sounds in the mix: centre, or −3 dB each side). */
    private static final double[] MONO = {1.0};

    private DialogueLevelling() {
    }

    /** What the stem is levelled to, and why when it is not what was asked. */
    private record Aim(LoudnessTarget.Mode mode, double lufs, Optional<String> fallback) {
    }

    /** What the second pass wrote. */
    private record Applied(double lufs, TruePeakLimiter.Activity limiter, FileDigest stem) {
    }

    /** The bed within this much of the target leaves the dialogue too little room to aim at by energy. */
    private static final double BED_HEADROOM_LU = 1.0;

    /** The levelled stem: how it was levelled, and its file as written. */
    record Levelled(DialogueLevel level, FileDigest stem) {
    }

    /** The first pass done: the stem as rendered in its scratch file, measured, its gain chosen. */
    static final class Measured implements AutoCloseable {
        private final LanguageMix mix;
        private final LoudnessTarget target;
        private final UnlevelledStem unlevelled;
        private final Aim aim;
        private final double beforeLufs;
        private final double gainDb;

        private Measured(LanguageMix mix, LoudnessTarget target, UnlevelledStem unlevelled, Aim aim,
                         double beforeLufs, double gainDb) {
            this.mix = mix;
            this.target = target;
            this.unlevelled = unlevelled;
            this.aim = aim;
            this.beforeLufs = beforeLufs;
            this.gainDb = gainDb;
        }

        /**
         * The second pass: the levelled stem written into {@code stemOut}, each sample handed on to
         * {@code then} (the full mix) as it is written.
         */
        Levelled apply(Path stemOut, DialogueStem.BlockSink then) throws MixException {
            Applied applied = DialogueLevelling.apply(unlevelled, DialogueStem.samples(mix.length()), gainDb,
                    mix.gateOn(), target.truePeakDbtp(), mix.disclosure(), stemOut, then);
            return new Levelled(new DialogueLevel(aim.mode(), aim.lufs(), aim.fallback(), beforeLufs, gainDb,
                    applied.lufs(), Math.abs(applied.lufs() - aim.lufs()) <= target.toleranceLu(), applied.limiter()),
                    applied.stem());
        }

        /** Deletes the scratch file. */
        @Override
        public void close() {
            unlevelled.close();
        }
    }

    /** Renders the stem of {@code mix} as it is into a scratch file beside {@code stemOut}, measures it, and aims. */
    static Measured measure(LanguageMix mix, LoudnessTarget target, double bedLufs, Path stemOut)
            throws MixException {
        // a kept gain (a re-render) is applied as it is: nothing is aimed at, the original is not measured
        Aim aim = target.keptGainDb().isPresent() ? null : besideTheBed(aim(mix, target), bedLufs);
        UnlevelledStem unlevelled = UnlevelledStem.besideOf(stemOut);
        try {
            LoudnessAnalyzer before = new LoudnessAnalyzer(DialogueStem.RATE, MONO, mix.gateOn(), false);
            float[] zeros = new float[DialogueStem.RATE];
            DialogueStem.render(mix.lines(), mix.beds(), mix.length(), new DialogueStem.BlockSink() {
                @Override
                public void accept(float[] block, int n) throws MixException {
                    before.accept(block, n);
                    unlevelled.write(block, n);
                }

                @Override
                public void silence(int n) throws MixException {
                    // the meter is given the zeros all the same: its filters' state decays through them
                    before.accept(n <= zeros.length ? zeros : new float[n], n);
                    unlevelled.skip(n);
                }
            });
            double beforeLufs = gated(before.finish());
            // a stem silent over its cues has no level to correct: it is left as it is rather than raised by ∞
            double gainDb = target.keptGainDb().isPresent() ? target.keptGainDb().getAsDouble()
                    : Double.isFinite(beforeLufs) ? aim.lufs() - beforeLufs : 0.0;
            if (aim == null) {
                aim = new Aim(target.mode(), beforeLufs + gainDb, Optional.of(String.format(Locale.ROOT,
                        "the earlier mix's gain of %.2f dB kept, so only the lines made again change", gainDb)));
            }
            return new Measured(mix, target, unlevelled, aim, beforeLufs, gainDb);
        } catch (MixException | RuntimeException e) {
            unlevelled.close();
            throw e;
        }
    }

    /** Where the dialogue goes so that, with the bed at {@code bedLufs} over the cues, the mix reaches {@code aim}. */
    private static Aim besideTheBed(Aim aim, double bedLufs) {
        if (!Double.isFinite(bedLufs)) {
            return aim;
        }
        if (bedLufs > aim.lufs() - BED_HEADROOM_LU) {
            return new Aim(aim.mode(), aim.lufs(), Optional.of(aim.fallback().map(f -> f + "; ").orElse("")
                    + String.format(Locale.ROOT, "the bed alone is at %.1f LUFS over the cues, too near the target "
                    + "%.1f to make room: the dialogue is put at the target", bedLufs, aim.lufs())));
        }
        double left = 10 * Math.log10(Math.pow(10, aim.lufs() / 10) - Math.pow(10, bedLufs / 10));
        return new Aim(aim.mode(), left, aim.fallback());
    }

    /** The fixed level, or the original's over the same cues when asked and measurable. */
    private static Aim aim(LanguageMix mix, LoudnessTarget target) {
        if (target.mode() == LoudnessTarget.Mode.FIXED) {
            return new Aim(LoudnessTarget.Mode.FIXED, target.dialogueLufs(), Optional.empty());
        }
        if (mix.gateOn().isEmpty()) {
            return fallback(target, "there are no dub cues to measure the original over");
        }
        try {
            double original = gated(ProgrammeMix.originalLevels(mix.source(), mix.gateOn()));
            if (Double.isFinite(original)) {
                return new Aim(LoudnessTarget.Mode.MATCH_ORIGINAL, original, Optional.empty());
            }
            return fallback(target, "the original is silent over the " + mix.dubSpans().size()
                    + " dub cues (or they last under 400 ms)");
        } catch (LoudnessException e) {
            return fallback(target, "the original cannot be measured (" + e.getMessage() + ")");
        }
    }

    private static Aim fallback(LoudnessTarget target, String why) {
        return new Aim(LoudnessTarget.Mode.FIXED, target.dialogueLufs(), Optional.of(String.format(Locale.ROOT,
                "%s: levelled to the fixed %.1f LUFS instead", why, target.dialogueLufs())));
    }

    /**
     * Second pass: gain, limiter, measurement, 24-bit stem; exactly {@code total} samples, at their positions,
     * each handed on to {@code then} once written. The stem carries the disclosure; the scratch file does not.
     */
    private static Applied apply(UnlevelledStem unlevelled, long total, double gainDb, List<Span> spans,
                                 double ceilingDbtp, Optional<Disclosure> disclosure, Path out,
                                 DialogueStem.BlockSink then) throws MixException {
        float gain = gainDb == 0.0 ? 1f : (float) Math.pow(10, gainDb / 20);
        TruePeakLimiter limiter = new TruePeakLimiter(DialogueStem.RATE, 1, ceilingDbtp);
        LoudnessAnalyzer after = new LoudnessAnalyzer(DialogueStem.RATE, MONO, spans, false);
        try (WavOut wav = new WavOut(out, 1, total, Disclosure.tagsOf(disclosure))) {
            float[] block = new float[BLOCK];
            float[] limited = new float[Math.max(BLOCK, limiter.latency())];
            for (long at = 0; at < total; at += BLOCK) {
                int n = (int) Math.min(BLOCK, total - at);
                unlevelled.read(at, block, n);
                for (int i = 0; i < n; i++) {
                    block[i] *= gain;
                }
                int ready = limiter.process(block, n, limited);
                after.accept(limited, ready);
                wav.write(limited, ready);
                then.accept(limited, ready);
            }
            int tail = limiter.finish(limited);
            after.accept(limited, tail);
            wav.write(limited, tail);
            then.accept(limited, tail);
            FileDigest stem = wav.finish();
            return new Applied(gated(after.finish()), limiter.activity(), stem);
        }
    }

    private static double gated(Loudness loudness) {
        return loudness.dialogueGated().map(Loudness.Gated::integratedLufs).orElse(Double.NEGATIVE_INFINITY);
    }
}
