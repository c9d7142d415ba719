package org.dubgate.web;

import org.dubgate.domain.shared.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor for the next ({@code null} on the last page): {@code ?after=<next>}. */
public record PageResponse<T>(List<T> items, String next) {

    public static <D, T> PageResponse<T> of(Page<D> page, Function<D, T> view) {
        return new PageResponse<>(page.items().stream().map(view).toList(), page.nextCursor().orElse(null));
    }
}
