package org.dubgate.application.pipeline;

import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.domain.job.QaCheck.Finding;
import org.dubgate.domain.job.QaCheck.Kind;
import org.dubgate.domain.job.QaCheck.Verdict;
import org.dubgate.media.loudness.Loudness;
import org.dubgate.media.qa.LanguageAudit;
import org.dubgate.media.qa.LineFigures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What CHECK concludes from a language's audio figures, per delivery profile. */
class MixChecksTest {

    private static final double LENGTH = 600;

    private static CheckWork work(String language, LoudnessSpec spec) {
        return new CheckWork(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), language, Path.of("mix.wav"),
                Path.of("source.mkv"), LENGTH, Duration.ofMillis(40), List.of(), List.of(), spec,
                new CheckWork.Thresholds(20, 0.5, Duration.ofSeconds(30), true), List.of(), OptionalDouble.of(-3.2));
    }

    /** A mix whose dialogue (covering {@code share} of it) is at {@code dialogue}, the programme at {@code programme}. */
    private static LanguageAudit.Figures audio(double dialogue, double programme, double share, double truePeak,
                                               int clippedRuns, double original, double mixSeconds) {
        Loudness mix = new Loudness(programme, -20, -22, 8, truePeak, truePeak - 0.2, mixSeconds, 48_000, 2,
                Optional.of(new Loudness.Gated(100, share * mixSeconds, dialogue)));
        Loudness source = new Loudness(-18, -12, -14, 9, -1, -1.2, LENGTH, 48_000, 2,
                Optional.of(new Loudness.Gated(100, share * LENGTH, original)));
        LineFigures samples = new LineFigures(mixSeconds, 48_000, 2, (long) (mixSeconds * 48_000), truePeak - 0.2, -30,
                -24, clippedRuns, clippedRuns > 0 ? 12 : 0, false, false, List.of());
        return new LanguageAudit.Figures(mix, samples, Optional.of(source), List.of());
    }

    private static Finding of(List<Finding> found, Kind kind) {
        return found.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow(() -> new AssertionError(kind
                + " in " + found));
    }

    @Test
    void streamingHoldsTheDialogueToMinus27PlusMinus2AndNotesTheProgramme() {
        List<Finding> ok = MixChecks.judge(work("es", DeliveryProfile.STREAMING.spec()),
                audio(-28.6, -25, 0.4, -3, 0, -21, LENGTH));
        assertEquals(Verdict.PASSED, of(ok, Kind.DIALOGUE_LOUDNESS).verdict());
        assertEquals(Verdict.NOTED, of(ok, Kind.PROGRAMME_LOUDNESS).verdict());
        assertEquals(Verdict.PASSED, of(ok, Kind.TRUE_PEAK).verdict());
        assertEquals(Verdict.PASSED, of(ok, Kind.CLIPPING).verdict());
        assertEquals(Verdict.PASSED, of(ok, Kind.PROGRAMME_DURATION).verdict());
        assertEquals(Verdict.PASSED, of(ok, Kind.TRACK_TAGS).verdict());
        assertEquals(-3.2, of(ok, Kind.MIX_GAIN).figure().getAsDouble());
        assertEquals(-21, of(ok, Kind.ORIGINAL_DIALOGUE_LOUDNESS).figure().getAsDouble());

        List<Finding> loud = MixChecks.judge(work("es", DeliveryProfile.STREAMING.spec()),
                audio(-24.9, -22, 0.4, -1.5, 3, -21, LENGTH));
        assertEquals(Verdict.FLAGGED, of(loud, Kind.DIALOGUE_LOUDNESS).verdict(), "2.1 LU over");
        assertEquals(Verdict.FLAGGED, of(loud, Kind.TRUE_PEAK).verdict(), "-1.5 over a -2 ceiling");
        assertEquals(Verdict.FLAGGED, of(loud, Kind.CLIPPING).verdict());
        assertEquals(Optional.of("-27.0 ±2.0 LUFS"), of(loud, Kind.DIALOGUE_LOUDNESS).threshold());
    }

    @Test
    void sparseDialogueIsHeldToTheProgrammeTargetInstead() {
        List<Finding> found = MixChecks.judge(work("es", DeliveryProfile.STREAMING.spec()),
                audio(-35, -24.5, 0.10, -4, 0, -21, LENGTH));
        assertEquals(Verdict.PASSED, of(found, Kind.PROGRAMME_LOUDNESS).verdict(), "-24.5 within -24 ±2");
        assertEquals(Verdict.NOTED, of(found, Kind.DIALOGUE_LOUDNESS).verdict(), "10 % dialogue: not the measure");
    }

    @Test
    void broadcastProfilesMeasureTheProgramme() {
        List<Finding> ebu = MixChecks.judge(work("es", DeliveryProfile.EBU_R128.spec()),
                audio(-23, -24.2, 0.5, -1.5, 0, -21, LENGTH));
        assertEquals(Verdict.FLAGGED, of(ebu, Kind.PROGRAMME_LOUDNESS).verdict(), "-24.2 outside -23 ±1");
        assertEquals(Verdict.NOTED, of(ebu, Kind.DIALOGUE_LOUDNESS).verdict());
        assertEquals(Verdict.PASSED, of(ebu, Kind.TRUE_PEAK).verdict(), "-1.5 under EBU's -1");
    }

    @Test
    void matchingTheOriginalHoldsTheDialogueToTheOriginalsLevel() {
        LoudnessSpec match = new LoudnessSpec(DeliveryProfile.STREAMING, -27, -2, true);
        List<Finding> found = MixChecks.judge(work("es", match), audio(-21.5, -20, 0.4, -3, 0, -21, LENGTH));
        assertEquals(Verdict.PASSED, of(found, Kind.DIALOGUE_LOUDNESS).verdict(), "within 2 of the original's -21");
        assertEquals(Optional.of("-21.0 ±2.0 LUFS"), of(found, Kind.DIALOGUE_LOUDNESS).threshold());
    }

    @Test
    void aMixLongerThanTheSourceByMoreThanAFrameOrAnUntaggableLanguageIsFlagged() {
        List<Finding> found = MixChecks.judge(work("xx", DeliveryProfile.STREAMING.spec()),
                audio(-27, -25, 0.4, -3, 0, -21, LENGTH + 0.05));
        assertEquals(Verdict.FLAGGED, of(found, Kind.PROGRAMME_DURATION).verdict());
        assertEquals(Verdict.FLAGGED, of(found, Kind.TRACK_TAGS).verdict(), "no ISO 639-2 code for it: 'und'");
    }
}
