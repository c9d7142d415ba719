package org.dubgate.media.timing;

import java.time.Duration;
import java.util.Optional;

/**
 * The time-fit decision for one line. Pure arithmetic on durations, so every case is tested
 * without audio; applying the tempo is the mixer's job.
 *
 * @param start        where the line starts (always the cue's start: short lines are not stretched)
 * @param tempo        playback speed-up, 1.0 (unchanged) up to the limit
 * @param fittedLength the line's length after the tempo change
 * @param borrowed     how far the line runs past its cue's end into the silence before the next cue
 * @param overflow     when even the limit does not fit: the ratio that would have been needed
 */
public record TimeFit(Duration start, double tempo, Duration fittedLength, Duration borrowed,
                      Optional<Double> overflow) {

    public static final double DEFAULT_MAX_TEMPO = 1.25;

    /**
     * @param cueStart  the cue's start
     * @param cueEnd    the cue's end
     * @param window    where the line must end at the latest: the start of the same character's next
     *                  cue, or the end of the media for its last cue (never before {@code cueEnd})
     * @param length    the synthesized line's natural length
     * @param maxTempo  the largest speed-up allowed (at least 1.0)
     */
    public static TimeFit plan(Duration cueStart, Duration cueEnd, Duration window, Duration length, double maxTempo) {
        if (cueEnd.compareTo(cueStart) <= 0 || window.compareTo(cueEnd) < 0 || length.isNegative() || maxTempo < 1.0) {
            throw new IllegalArgumentException("need start < end <= window, a length >= 0 and a limit >= 1.0");
        }
        Duration slot = cueEnd.minus(cueStart);
        Duration room = window.minus(cueStart);
        if (length.compareTo(slot) <= 0) {
            return new TimeFit(cueStart, 1.0, length, Duration.ZERO, Optional.empty());
        }
        if (length.compareTo(room) <= 0) {
            return new TimeFit(cueStart, 1.0, length, length.minus(slot), Optional.empty());
        }
        double needed = (double) length.toNanos() / room.toNanos();
        double tempo = Math.min(needed, maxTempo);
        Duration fitted = Duration.ofNanos(Math.round(length.toNanos() / tempo));
        Duration borrowed = fitted.compareTo(slot) > 0 ? fitted.minus(slot) : Duration.ZERO;
        return new TimeFit(cueStart, tempo, fitted, borrowed,
                needed > maxTempo ? Optional.of(needed) : Optional.empty());
    }

    public boolean overflowing() {
        return overflow.isPresent();
    }
}
