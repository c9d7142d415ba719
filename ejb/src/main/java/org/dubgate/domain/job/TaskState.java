package org.dubgate.domain.job;

/** A task's state; only PENDING and RUNNING work may run (again, after a redelivery or a dead worker). */
public enum TaskState {
    PENDING(false, true), RUNNING(false, true), SUCCEEDED(true, false), FAILED(true, false),
    BLOCKED(true, false), CANCELLED(true, false);

    private final boolean terminal;
    private final boolean retriable;

    TaskState(boolean terminal, boolean retriable) {
        this.terminal = terminal;
        this.retriable = retriable;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean isRetriable() {
        return retriable;
    }
}
