package org.dubgate.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

class PageTest {

    @Test
    void overfetchedRowTellsThatAnotherPageExists() {
        Page<String> page = Page.fromOverfetch(List.of("a", "b", "c"), 2, Function.identity());
        assertEquals(List.of("a", "b"), page.items());
        assertEquals(Optional.of("b"), page.nextCursor());
    }

    @Test
    void lastPageHasNoCursor() {
        Page<String> page = Page.fromOverfetch(List.of("a", "b"), 2, Function.identity());
        assertEquals(Optional.empty(), page.nextCursor());
    }

    @Test
    void limitIsBounded() {
        assertThrows(InvalidInputException.class, () -> PageRequest.first(0));
        assertThrows(InvalidInputException.class, () -> PageRequest.first(PageRequest.MAX_LIMIT + 1));
    }

    @Test
    void aFirstPageByIdStartsBeforeEveryIdAsTheDatabaseOrdersThem() {
        // databases compare UUIDs as unsigned bytes: the start must be the nil UUID, not Java's signed minimum
        java.util.UUID start = PageRequest.first(10).afterId();
        assertEquals(new java.util.UUID(0, 0), start);
        assertEquals("00000000-0000-0000-0000-000000000000", start.toString());
    }
}
