package org.dubgate.domain.shared;

import java.util.Optional;
import java.util.UUID;

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

    /**
     * The cursor of a list ordered by UUID; before the first id when absent: the nil UUID, since
     * databases (H2, PostgreSQL) order UUIDs as unsigned bytes — Java's signed {@code Long.MIN_VALUE}
     * halves would start in the middle and leave out every id below {@code 8000…}.
     */
    public UUID afterId() {
        try {
            return after.map(UUID::fromString).orElse(new UUID(0L, 0L));
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
    }

    /** The cursor of a list ordered by a sequence number; 0 when absent. */
    public long afterSequence() {
        try {
            return after.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static InvalidInputException notACursor() {
        return InvalidInputException.of("after", "not a cursor this list handed out");
    }
}
