package org.dubgate.infrastructure.persistence;

/** Hibernate query hints the repositories use. */
final class QueryHints {

    /**
     * Entities loaded only to be read (the gate's facts): Hibernate keeps no snapshot of them and
     * skips dirty-checking them at commit, which matters when a decision loads dozens of grants.
     */
    static final String READ_ONLY = "org.hibernate.readOnly";

    private QueryHints() {
    }
}
