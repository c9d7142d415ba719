package org.dubgate.domain.shared;

import org.dubgate.domain.shared.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class InvalidInputExceptionTest {

    private static List<FieldError> errors(int n) {
        return IntStream.range(0, n).mapToObj(i -> new FieldError("cues[" + i + "]", "bad")).toList();
    }

    @Test
    void aFewProblemsAreAllListed() {
        InvalidInputException e = new InvalidInputException(errors(2));
        assertEquals(2, e.errors().size());
        assertEquals(2, e.total());
        assertEquals("cues[0]: bad; cues[1]: bad", e.getMessage());
    }

    @Test
    void manyProblemsListTheFirstHundredAndCountAll() {
        InvalidInputException e = new InvalidInputException(errors(50_000));
        assertEquals(InvalidInputException.MAX_LISTED, e.errors().size());
        assertEquals("cues[99]", e.errors().get(99).field(), "the first ones, in order");
        assertEquals(50_000, e.total());
        assertTrue(e.getMessage().startsWith("50000 problems, the first 100 listed: cues[0]: bad; "), e.getMessage());
        assertTrue(e.getMessage().length() < 2_000, "a bounded message: " + e.getMessage().length());
    }
}
