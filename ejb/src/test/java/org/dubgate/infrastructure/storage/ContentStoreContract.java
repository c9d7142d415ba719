package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.application.port.StoredContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What every content store does, whatever keeps its bytes: each implementation's test extends this.
 * Larger content is generated as it is read ({@link GeneratedBytes}) and checked by its digest, so
 * neither the store nor the test holds it whole.
 */
abstract class ContentStoreContract {

    /** More than two parts of an S3 upload (8 MiB), with a last part that is not full. */
    static final long LARGE = 20L << 20;

    @TempDir
    Path work;

    ContentStore store;

    /** A store of its own for each test, empty. */
    abstract ContentStore newStore() throws IOException;

    /** How many objects the store holds. */
    abstract int storedObjects() throws IOException;

    /** What unfinished uploads left: temporary files, temporary keys, multipart uploads. */
    abstract int leftOfUploads() throws IOException;

    @BeforeEach
    void openStore() throws IOException {
        store = newStore();
    }

    @Test
    void theSameBytesStoredTwiceAreKeptOnce() throws Exception {
        byte[] line = "a synthesized line".getBytes();
        StoredContent first = store.store(new ByteArrayInputStream(line), 1000);
        StoredContent again = store.store(new ByteArrayInputStream(line), 1000);
        assertEquals(new StoredContent(GeneratedBytes.sha256(new ByteArrayInputStream(line)), line.length), first);
        assertEquals(first, again);
        assertEquals(1, storedObjects());
        ContentSource found = store.find(first.sha256()).orElseThrow();
        assertEquals(first.sha256(), found.sha256());
        assertEquals(line.length, found.size());
        try (InputStream in = found.open()) {
            assertArrayEquals(line, in.readAllBytes());
        }
    }

    @Test
    void aStreamLargerThanAPartComesBackByteForByte() throws Exception {
        String sha = GeneratedBytes.sha256(LARGE);
        assertEquals(new StoredContent(sha, LARGE), store.store(GeneratedBytes.stream(LARGE), LARGE));
        ContentSource found = store.find(sha).orElseThrow();
        assertEquals(LARGE, found.size());
        assertEquals(sha, GeneratedBytes.sha256(found.open()));
        assertEquals(new StoredContent(sha, LARGE), store.store(GeneratedBytes.stream(LARGE), LARGE), "stored again");
        assertEquals(1, storedObjects());
        assertEquals(0, leftOfUploads());
    }

    @Test
    void contentOfEverySizeAroundTheBufferEdgesComesBack() throws Exception {
        for (long size : new long[]{0, 1, 65_535, 65_536, 65_537, 8L << 20, (8L << 20) + 1}) {
            String sha = GeneratedBytes.sha256(size);
            assertEquals(new StoredContent(sha, size), store.store(GeneratedBytes.stream(size), size), size + " bytes");
            ContentSource found = store.find(sha).orElseThrow();
            assertEquals(size, found.size());
            assertEquals(sha, GeneratedBytes.sha256(found.open()), size + " bytes");
            assertEquals(size, Files.size(store.localFile(sha).orElseThrow()), size + " bytes");
        }
        assertEquals(7, storedObjects());
        assertEquals(0, leftOfUploads());
    }

    @Test
    void pastItsLimitAnUploadLeavesNothing() throws Exception {
        assertEquals(12L << 20, assertThrows(ContentTooLargeException.class,
                () -> store.store(GeneratedBytes.stream(LARGE), 12L << 20)).limitBytes());
        assertThrows(ContentTooLargeException.class, () -> store.store(GeneratedBytes.stream(101), 100));
        assertEquals(0, storedObjects());
        assertEquals(0, leftOfUploads());
        assertTrue(store.find(GeneratedBytes.sha256(LARGE)).isEmpty());
        assertTrue(store.find(GeneratedBytes.sha256(101)).isEmpty());
    }

    @Test
    void aRangeIsExactlyItsBytes() throws Exception {
        StoredContent stored = store.store(GeneratedBytes.stream(LARGE), LARGE);
        ContentSource content = store.find(stored.sha256()).orElseThrow();
        long acrossParts = (8L << 20) - 1000;
        assertArrayEquals(GeneratedBytes.range(acrossParts, 5000), read(content, acrossParts, 5000));
        assertArrayEquals(GeneratedBytes.range(0, 1), read(content, 0, 1));
        assertArrayEquals(GeneratedBytes.range(LARGE - 17, 17), read(content, LARGE - 17, 17));
        assertArrayEquals(new byte[0], read(content, LARGE, 0));
        assertThrows(IllegalArgumentException.class, () -> content.open(LARGE - 10, 11));
        assertThrows(IllegalArgumentException.class, () -> content.open(-1, 10));
        try (InputStream partly = content.open(1000, 1 << 20)) {
            assertEquals(GeneratedBytes.at(1000), (byte) partly.read(), "a stream closed before its end");
        }
    }

    @Test
    void aLocalFileHasTheSameBytesAndStaysTheSameFile() throws Exception {
        StoredContent stored = store.store(GeneratedBytes.stream(LARGE), LARGE);
        Path file = store.localFile(stored.sha256()).orElseThrow();
        assertEquals(LARGE, Files.size(file));
        assertEquals(stored.sha256(), GeneratedBytes.sha256(Files.newInputStream(file)));
        Object identity = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Path again = store.localFile(stored.sha256()).orElseThrow();
        assertEquals(file, again);
        assertEquals(identity, Files.readAttributes(again, BasicFileAttributes.class).fileKey(), "not fetched again");
    }

    @Test
    void aFileTheServerMadeIsStoredUnderItsWritersDigest() throws Exception {
        Path mix = work.resolve("mix.wav");
        try (OutputStream out = Files.newOutputStream(mix)) {
            GeneratedBytes.stream(LARGE).transferTo(out);
        }
        String sha = GeneratedBytes.sha256(LARGE);
        IOException wrongSize = assertThrows(IOException.class, () -> store.store(mix, sha, LARGE - 1));
        assertTrue(wrongSize.getMessage().contains("holds " + LARGE + " bytes"), wrongSize.getMessage());
        assertTrue(Files.exists(mix), "left where it was");
        assertEquals(new StoredContent(sha, LARGE), store.store(mix, sha, LARGE));
        assertEquals(sha, GeneratedBytes.sha256(store.find(sha).orElseThrow().open()));
        assertEquals(sha, GeneratedBytes.sha256(Files.newInputStream(store.localFile(sha).orElseThrow())));

        byte[] stem = "a dialogue stem".getBytes();
        Path small = Files.write(work.resolve("stem.wav"), stem);
        StoredContent hashed = store.store(small);
        assertEquals(new StoredContent(GeneratedBytes.sha256(new ByteArrayInputStream(stem)), stem.length), hashed);
        assertArrayEquals(stem, read(store.find(hashed.sha256()).orElseThrow(), 0, stem.length));
        assertEquals(2, storedObjects());
    }

    @Test
    void removedContentIsNotFoundAnyMore() throws Exception {
        byte[] mix = "a TEMP delivery's mix".getBytes();
        StoredContent stored = store.store(new ByteArrayInputStream(mix), 1000);
        assertTrue(store.localFile(stored.sha256()).isPresent());
        assertTrue(store.remove(stored.sha256()));
        assertEquals(Optional.empty(), store.find(stored.sha256()));
        assertEquals(Optional.empty(), store.localFile(stored.sha256()));
        assertFalse(store.remove(stored.sha256()), "nothing left to remove");
        assertEquals(0, storedObjects());
    }

    @Test
    void whatIsNotADigestIsNeverFound() throws Exception {
        String unknown = "0".repeat(64);
        assertEquals(Optional.empty(), store.find(unknown));
        assertEquals(Optional.empty(), store.localFile(unknown));
        assertEquals(Optional.empty(), store.find("../../etc/passwd"));
        assertEquals(Optional.empty(), store.localFile("../../etc/passwd"));
        assertFalse(store.remove("../../etc/passwd"));
    }

    static byte[] read(ContentSource content, long offset, int length) throws IOException {
        try (InputStream in = content.open(offset, length)) {
            return in.readAllBytes();
        }
    }
}
