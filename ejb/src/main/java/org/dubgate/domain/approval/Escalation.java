package org.dubgate.domain.approval;

/** Uses the rules cannot clear on their own (R4): each needs an admin's written approval. */
public enum Escalation {
    /** A synthetic voice that belongs to no consenting performer; subject: the character. */
    STOCK_VOICE(true),
    /** Material meant for the final deliverable; no subject. */
    FINAL_PURPOSE(false),
    /** Work under a deceased performer's estate grant; subject: the performer id. */
    ESTATE_GRANT(true),
    /** A model whose data terms are not all clean; subject: the model id. */
    MODEL_DATA_TERMS(true);

    private final boolean needsSubject;

    Escalation(boolean needsSubject) {
        this.needsSubject = needsSubject;
    }

    public boolean needsSubject() {
        return needsSubject;
    }
}
