package org.dubgate.infrastructure.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ObjectCacheTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void copiesBeyondTheBoundAreDeletedFromDisk() throws Exception {
        ObjectCache cache = new ObjectCache(dir, 4 * MIB, Duration.ZERO);
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(cache.file(sha(i), MIB, file -> Files.write(file, new byte[(int) MIB])));
        }
        assertEquals(4 * MIB, cache.bytes(), "the bound holds");
        assertEquals(List.of(false, false, false, false, false, false, true, true, true, true),
                copies.stream().map(Files::exists).toList(), "the least recently used are gone from disk");
        cache.file(sha(6), MIB, file -> fail("a copy in the cache is not fetched again"));
        cache.file(sha(10), MIB, file -> Files.write(file, new byte[(int) MIB]));
        assertTrue(Files.exists(copies.get(6)), "used again, so no longer the least recently used");
        assertFalse(Files.exists(copies.get(7)));
    }

    @Test
    void aLaterStartCountsTheCopiesItFindsAndKeepsTheBound() throws Exception {
        ObjectCache first = new ObjectCache(dir, 100 * MIB, Duration.ZERO);
        for (int i = 0; i < 6; i++) {
            first.file(sha(i), MIB, file -> Files.write(file, new byte[(int) MIB]));
        }
        ObjectCache next = new ObjectCache(dir, 3 * MIB, Duration.ZERO);
        assertEquals(3 * MIB, next.bytes(), "what the earlier start left is bounded too");
        try (var files = Files.walk(dir.resolve("objects"))) {
            assertEquals(3, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void aCopyUsedLatelyIsKeptEvenBeyondTheBound() throws Exception {
        // a task takes its files one after another and opens them later: none of them may go meanwhile
        ObjectCache cache = new ObjectCache(dir, 2 * MIB);
        List<Path> copies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            copies.add(cache.file(sha(i), MIB, file -> Files.write(file, new byte[(int) MIB])));
        }
        assertEquals(List.of(true, true, true, true), copies.stream().map(Files::exists).toList());
        assertEquals(4 * MIB, cache.bytes(), "over the bound for now");
    }

    @Test
    void aCopyFetchedOnceIsServedAgainWithoutFetching() throws Exception {
        ObjectCache cache = new ObjectCache(dir, 4 * MIB, Duration.ZERO);
        Path copy = cache.file(sha(1), 3, file -> Files.write(file, new byte[]{1, 2, 3}));
        Path again = cache.file(sha(1), 3, file -> fail("fetched a second time"));
        assertEquals(copy, again);
        assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(again));
    }

    private static String sha(int i) {
        byte[] b = new byte[32];
        b[31] = (byte) i;
        return HexFormat.of().formatHex(b);
    }
}
