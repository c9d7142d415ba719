package org.dubgate.domain.shared;

import java.util.Optional;

/**
 * Keyset ("cursor") paging: items come in a stable order and {@code after} names the last key seen,
 * so pages stay consistent while rows are added, unlike offsets.
 */
public record PageRequest(Optional<String> after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(Optional.empty(), limit);
    }
}
