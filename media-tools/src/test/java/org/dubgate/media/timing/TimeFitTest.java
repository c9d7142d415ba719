package org.dubgate.media.timing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class TimeFitTest {

    private static Duration ms(long m) {
        return Duration.ofMillis(m);
    }

    /** A 2-second cue at 10 s with no room before the next cue, unless a window is given. */
    private static TimeFit fit(long lengthMs, long windowMs) {
        return TimeFit.plan(ms(10_000), ms(12_000), ms(windowMs), ms(lengthMs), TimeFit.DEFAULT_MAX_TEMPO);
    }

    @Test
    void ratioOneFitsAsIs() {
        TimeFit f = fit(2_000, 12_000);
        assertEquals(1.0, f.tempo());
        assertEquals(ms(2_000), f.fittedLength());
        assertFalse(f.overflowing());
    }

    @Test
    void shortLinesStartAtTheCueAndAreNotStretched() {
        TimeFit f = fit(600, 12_000);
        assertEquals(ms(10_000), f.start());
        assertEquals(1.0, f.tempo());
        assertEquals(ms(600), f.fittedLength());
    }

    @Test
    void silenceBeforeTheNextCueIsBorrowedFirst() {
        TimeFit f = fit(2_500, 13_000);
        assertEquals(1.0, f.tempo(), "borrowing needs no tempo change");
        assertEquals(ms(500), f.borrowed());
        assertFalse(f.overflowing());
    }

    @Test
    void ratioOnePointTwoIsSpedUp() {
        TimeFit f = fit(2_400, 12_000);
        assertEquals(1.2, f.tempo(), 1e-9);
        assertEquals(ms(2_000), f.fittedLength());
        assertFalse(f.overflowing());
    }

    @Test
    void ratioOnePointTwoFiveIsTheLimitAndStillFits() {
        TimeFit f = fit(2_500, 12_000);
        assertEquals(1.25, f.tempo(), 1e-9);
        assertEquals(ms(2_000), f.fittedLength());
        assertFalse(f.overflowing());
    }

    @Test
    void ratioOnePointSixIsCappedAndFlagged() {
        TimeFit f = fit(3_200, 12_000);
        assertEquals(1.25, f.tempo(), 1e-9, "never squeezed past the limit");
        assertEquals(ms(2_560), f.fittedLength());
        assertEquals(Optional.of(1.6), f.overflow().map(r -> Math.round(r * 1000) / 1000.0));
        assertEquals(ms(560), f.borrowed(), "the overflowing part runs past the cue");
    }

    @Test
    void borrowingAndTempoCombine() {
        TimeFit f = fit(3_000, 12_500);
        assertEquals(1.2, f.tempo(), 1e-9, "3 s into 2.5 s of room");
        assertEquals(ms(2_500), f.fittedLength());
        assertEquals(ms(500), f.borrowed());
    }

    @Test
    void theLimitIsConfigurable() {
        TimeFit f = TimeFit.plan(ms(0), ms(1_000), ms(1_000), ms(1_500), 1.1);
        assertEquals(1.1, f.tempo(), 1e-9);
        assertTrue(f.overflowing());
        assertThrows(IllegalArgumentException.class, () -> TimeFit.plan(ms(0), ms(1_000), ms(1_000), ms(1_500), 0.9));
        assertThrows(IllegalArgumentException.class, () -> TimeFit.plan(ms(0), ms(1_000), ms(900), ms(500), 1.25));
    }
}
