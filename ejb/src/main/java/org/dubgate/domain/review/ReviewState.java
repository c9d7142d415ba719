package org.dubgate.domain.review;

/** Where a review item stands. Only OPEN items take a verdict; SUPERSEDED ones no longer count for the job. */
public enum ReviewState {
    OPEN, APPROVED, REJECTED, RERENDER, SUPERSEDED;

    public static ReviewState of(Verdict v) {
        return switch (v) {
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case RERENDER -> RERENDER;
        };
    }
}
