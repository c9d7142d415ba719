package org.dubgate.domain.review;

/** A reviewer's decision on one item (DESIGN.md § Domain: APPROVED / REJECTED(note) / RE-RENDER(note, edits)). */
public enum Verdict {
    /** Fit for delivery as it is. */
    APPROVED,
    /** Not fit, with a note for the manager; holds the job. */
    REJECTED,
    /** Make the line again — with edited text, voice settings or a tempo limit — and review the new version. */
    RERENDER
}
