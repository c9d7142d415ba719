package org.dubgate.domain.model;

/** PENDING until an admin decides; REVOKED is final (a new registration is a new entry). */
public enum ModelStatus {
    PENDING(false), APPROVED(false), REVOKED(true);

    private final boolean terminal;

    ModelStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
