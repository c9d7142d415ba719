package org.dubgate.web;

import org.dubgate.web.problem.RangeNotSatisfiableException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ByteRangeTest {

    @Test
    void closedOpenAndSuffixRanges() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(950, 999)), ByteRange.parse("bytes=-50", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=990-5000", 1000), "end is clamped");
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
        assertEquals(100, new ByteRange(0, 99).length());
    }

    @Test
    void formsWeDoNotServeMeanTheWholeResource() {
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,5-9", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-1", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-", 1000));
    }

    @Test
    void rangesThatSelectNothingAreUnsatisfiable() {
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=1000-", 1000));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=50-10", 1000));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=-0", 1000));
        assertThrows(RangeNotSatisfiableException.class, () -> ByteRange.parse("bytes=99999999999999999999-", 1000));
    }
}
