package org.dubgate.domain.job;

/** DESIGN.md § Domain: SUBMITTED → BLOCKED | QUEUED → RUNNING → IN_REVIEW → APPROVED → DELIVERED; FAILED; CANCELLED. */
public enum JobState {
    SUBMITTED(false), BLOCKED(false), QUEUED(false), RUNNING(false), IN_REVIEW(false), APPROVED(false),
    DELIVERED(true), FAILED(true), CANCELLED(true);

    private final boolean terminal;

    JobState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
