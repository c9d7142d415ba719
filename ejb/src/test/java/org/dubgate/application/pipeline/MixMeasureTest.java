package org.dubgate.application.pipeline;

import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.media.mix.Span;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** MIX aims where CHECK will measure: the cues at the dialogue target, or the whole programme at its target. */
class MixMeasureTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

    private static Span span(int fromSeconds, int toSeconds) {
        return new Span(Duration.ofSeconds(fromSeconds), Duration.ofSeconds(toSeconds));
    }

    @Test
    void streamingWithEnoughDialogueMeasuresTheCues() {
        List<Span> cues = List.of(span(0, 60), span(30, 100)); // 100 s of 600, overlap once: 16.7 %
        MixStage.Measure m = MixStage.Measure.of(DeliveryProfile.STREAMING.spec(), cues, TEN_MINUTES);
        assertEquals(cues, m.over());
        assertEquals(-27, m.lufs());
    }

    @Test
    void streamingWithSparseDialogueMeasuresTheProgrammeAtMinus24() {
        List<Span> cues = List.of(span(0, 60), span(30, 80)); // 80 s of 600: 13.3 %
        MixStage.Measure m = MixStage.Measure.of(DeliveryProfile.STREAMING.spec(), cues, TEN_MINUTES);
        assertEquals(List.of(new Span(Duration.ZERO, TEN_MINUTES)), m.over());
        assertEquals(-24, m.lufs());
    }

    @Test
    void broadcastProfilesMeasureTheProgrammeAtTheirTarget() {
        List<Span> cues = List.of(span(0, 300));
        MixStage.Measure ebu = MixStage.Measure.of(DeliveryProfile.EBU_R128.spec(), cues, TEN_MINUTES);
        assertEquals(List.of(new Span(Duration.ZERO, TEN_MINUTES)), ebu.over());
        assertEquals(-23, ebu.lufs());
        MixStage.Measure own = MixStage.Measure.of(new LoudnessSpec(DeliveryProfile.ATSC_A85, -22, -2, false), cues,
                TEN_MINUTES);
        assertEquals(-22, own.lufs(), "the job's own target");
    }
}
