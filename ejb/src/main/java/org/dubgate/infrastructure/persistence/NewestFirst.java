package org.dubgate.infrastructure.persistence;

import org.dubgate.domain.shared.InvalidInputException;

import java.time.Instant;
import java.util.UUID;

/**
 * The cursor of a newest-first list: {@code <createdAt>~<id>} of the last row of a page, so rows made in
 * the same instant are neither skipped nor repeated. Queries add {@link #CONDITION} and {@link #ORDER}
 * over an alias {@code x} with {@code createdAt} and {@code id} (or {@link #condition} and {@link #order}
 * for another time field).
 */
record NewestFirst(Instant at, UUID id) {

    static final String CONDITION = condition("createdAt");
    static final String ORDER = order("createdAt");

    static String condition(String field) {
        return " and (x." + field + " < :at or (x." + field + " = :at and x.id < :id))";
    }

    static String order(String field) {
        return " order by x." + field + " desc, x.id desc";
    }

    static NewestFirst parse(String cursor) {
        try {
            int sep = cursor.indexOf('~');
            return new NewestFirst(Instant.parse(cursor.substring(0, sep)), UUID.fromString(cursor.substring(sep + 1)));
        } catch (RuntimeException e) {
            throw InvalidInputException.of("after", "not a cursor this list handed out");
        }
    }

    static String key(Instant createdAt, UUID id) {
        return createdAt + "~" + id;
    }
}
