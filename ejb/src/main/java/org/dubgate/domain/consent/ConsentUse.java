package org.dubgate.domain.consent;

/** What a grant permits doing with a performance. */
public enum ConsentUse {
    /** Synthesizing the performer's voice. */
    VOICE_SYNTHESIS,
    /** Altering the performer's on-screen performance (visual ADR). */
    LIP_SYNC
}
