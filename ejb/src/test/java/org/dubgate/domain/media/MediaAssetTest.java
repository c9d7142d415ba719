package org.dubgate.domain.media;

import org.dubgate.domain.shared.RuleViolationException;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.StreamInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class MediaAssetTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final MediaProbe PROBE = new MediaProbe("mpeg", "MPEG-PS", 3.0, 1_000_000, 400_000, List.of());

    @Test
    void theProbeSaysWhetherThereIsSound() {
        MediaAsset silent = pending();
        silent.beginProbeAttempt(T0);
        silent.markReady(PROBE, T0);
        assertEquals(Optional.of(false), silent.hasAudio());
        MediaAsset clip = pending();
        clip.beginProbeAttempt(T0);
        clip.markReady(new MediaProbe("mpeg", "MPEG-PS", 3.0, 1_000_000, 400_000, List.of(new StreamInfo.Audio(0, "mp2",
                Optional.empty(), 3.0, 44_100, 1, "mono"))), T0);
        assertEquals(Optional.of(true), clip.hasAudio());
    }

    private static MediaAsset pending() {
        return MediaAsset.uploaded("clip.mpg", "video/mpeg", "a".repeat(64), 400_000, "maria", T0);
    }

    @Test
    void probedAssetBecomesReadyAndStopsTakingAttempts() {
        MediaAsset m = pending();
        assertTrue(m.beginProbeAttempt(T0));
        m.markReady(PROBE, T0);
        assertEquals(MediaState.READY, m.state());
        assertEquals(3.0, m.durationSeconds().orElseThrow());
        assertTrue(m.probeJson().orElseThrow().startsWith("{\"container\":\"mpeg\""));
        assertFalse(m.beginProbeAttempt(T0), "a redelivered probe of a decided asset does nothing");
        assertEquals(1, m.attempts());
    }

    @Test
    void failureAfterRetriesSaysHowOftenAndWhy() {
        MediaAsset m = pending();
        for (int i = 0; i < 3; i++) {
            m.beginProbeAttempt(T0);
            m.recordAttemptFailure("disk on fire", T0);
        }
        m.failAfterRetries(T0);
        assertEquals(MediaState.FAILED, m.state());
        assertEquals("probing failed after 3 attempt(s): disk on fire", m.stateReason().orElseThrow());
    }

    @Test
    void attemptsFollowTheBrokersDeliveriesWhenTheFirstFoundNoRow() {
        // delivery 1 came before the registering transaction's row was visible and could not count itself
        MediaAsset m = pending();
        m.beginProbeAttempt(2, T0);
        m.recordAttemptFailure("stored content is missing", T0);
        m.beginProbeAttempt(3, T0);
        m.recordAttemptFailure("stored content is missing", T0);
        m.failAfterRetries(T0);
        assertEquals(3, m.attempts());
        assertEquals("probing failed after 3 attempt(s): stored content is missing", m.stateReason().orElseThrow());
    }

    @Test
    void lateDeadLetterDoesNotUndoADecision() {
        MediaAsset m = pending();
        m.beginProbeAttempt(T0);
        m.reject("NOT_MEDIA: text", T0);
        m.failAfterRetries(T0);
        assertEquals(MediaState.REJECTED, m.state());
        assertEquals("NOT_MEDIA: text", m.stateReason().orElseThrow());
    }

    @Test
    void onlyReadyContentIsServedAndDecisionsAreFinal() {
        MediaAsset m = pending();
        assertThrows(RuleViolationException.class, m::requireReady);
        m.reject("EMPTY: file is empty", T0);
        assertThrows(RuleViolationException.class, () -> m.markReady(PROBE, T0));
        assertTrue(MediaState.REJECTED.isTerminal());
        assertFalse(MediaState.REJECTED.isRetriable());
        assertTrue(MediaState.PENDING.isRetriable());
    }

    @Test
    void longReasonsAreClipped() {
        MediaAsset m = pending();
        m.reject("x".repeat(5000), T0);
        assertEquals(2000, m.stateReason().orElseThrow().length());
    }
}
