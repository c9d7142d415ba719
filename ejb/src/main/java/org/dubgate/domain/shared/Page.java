package org.dubgate.domain.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of items and the cursor of the next page, absent on the last page. */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows: the extra row only tells that
     * another page exists, and the cursor is the key of the last item returned.
     */
    public static <T> Page<T> fromOverfetch(List<T> rows, int limit, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(items, Optional.of(key.apply(items.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), nextCursor);
    }
}
