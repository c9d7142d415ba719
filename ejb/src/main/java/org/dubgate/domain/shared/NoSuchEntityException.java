package org.dubgate.domain.shared;

import jakarta.ejb.ApplicationException;

/** A caller named an id that does not exist, or that the caller may not see (same answer: no leak). */
@ApplicationException(rollback = true)
public class NoSuchEntityException extends RuntimeException {

    private final String kind;
    private final String id;

    public NoSuchEntityException(String kind, Object id) {
        super("no " + kind + " with id " + id);
        this.kind = kind;
        this.id = String.valueOf(id);
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
