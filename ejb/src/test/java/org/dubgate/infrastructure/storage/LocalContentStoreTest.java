package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The contract in a folder, and files the server made, stored under the digest their writer took
 * while writing them.
 */
class LocalContentStoreTest extends ContentStoreContract {

    @TempDir
    Path tmp;

    @Override
    ContentStore newStore() {
        return storeIn(work.resolve("storage"));
    }

    @Override
    int storedObjects() throws IOException {
        try (Stream<Path> files = Files.walk(((LocalContentStore) store).root().resolve("objects"))) {
            return (int) files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    int leftOfUploads() throws IOException {
        try (Stream<Path> files = Files.list(((LocalContentStore) store).root().resolve("incoming"))) {
            return (int) files.count();
        }
    }

    private LocalContentStore storeIn(Path root) {
        return new LocalContentStore(Optional.of(root.toString()));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aFileIsMovedInUnderTheDigestGivenWithoutBeingReadAgain() throws Exception {
        LocalContentStore store = storeIn(tmp.resolve("storage"));
        byte[] mix = "a full mix".getBytes();
        Path file = Files.write(tmp.resolve("mix.wav"), mix);
        StoredContent stored = store.store(file, sha256(mix), mix.length);
        assertEquals(new StoredContent(sha256(mix), mix.length), stored);
        assertArrayEquals(mix, Files.readAllBytes(store.localFile(stored.sha256()).orElseThrow()));
        assertFalse(Files.exists(file), "moved, not copied");

        // the digest is taken on trust (so the file was not hashed again): a writer's digest is its word
        byte[] other = "other bytes".getBytes();
        String trusted = sha256("what the writer hashed".getBytes());
        StoredContent onTrust = store.store(Files.write(tmp.resolve("stem.wav"), other), trusted, other.length);
        assertEquals(trusted, onTrust.sha256());
        assertArrayEquals(other, Files.readAllBytes(store.localFile(trusted).orElseThrow()));
    }

    @Test
    void aFileOfAnotherSizeThanItsWriterHashedIsRefusedAndLeftWhereItWas() throws Exception {
        LocalContentStore store = storeIn(tmp.resolve("storage"));
        byte[] stem = "a dialogue stem".getBytes();
        Path file = Files.write(tmp.resolve("stem.wav"), stem);
        IOException e = assertThrows(IOException.class, () -> store.store(file, sha256(stem), stem.length + 1));
        assertTrue(e.getMessage().contains("holds " + stem.length + " bytes"), e.getMessage());
        assertTrue(Files.exists(file));
        assertEquals(Optional.empty(), store.localFile(sha256(stem)));
        assertThrows(IllegalArgumentException.class, () -> store.store(file, "../../etc/passwd", stem.length));
    }

    @Test
    void theSameBytesStoredAgainKeepTheFirstCopy() throws Exception {
        LocalContentStore store = storeIn(tmp.resolve("storage"));
        byte[] line = "a synthesized line".getBytes();
        StoredContent first = store.store(Files.write(tmp.resolve("a.wav"), line), sha256(line), line.length);
        Path object = store.localFile(first.sha256()).orElseThrow();
        Object identity = Files.readAttributes(object, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Path again = Files.write(tmp.resolve("b.wav"), line);
        assertEquals(first, store.store(again, sha256(line), line.length));
        assertFalse(Files.exists(again), "dropped");
        assertEquals(identity, Files.readAttributes(object, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey(), "the stored object was not replaced");
    }

    @Test
    void fromAnotherFileSystemTheFileIsCopiedAndItsDigestChecked() throws Exception {
        Path shm = Path.of("/dev/shm");
        Assumptions.assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(tmp)), "no second file system to copy from");
        Path elsewhere = Files.createTempDirectory(shm, "dubgate-store-test-");
        try {
            LocalContentStore store = storeIn(tmp.resolve("storage"));
            byte[] mix = "a full mix made on another disk".getBytes();
            Path file = Files.write(elsewhere.resolve("mix.wav"), mix);
            assertEquals(new StoredContent(sha256(mix), mix.length), store.store(file, sha256(mix), mix.length));
            assertFalse(Files.exists(file), "removed once copied");
            assertArrayEquals(mix, Files.readAllBytes(store.localFile(sha256(mix)).orElseThrow()));

            byte[] other = "bytes their writer got wrong".getBytes();
            Path wrong = Files.write(elsewhere.resolve("stem.wav"), other);
            IOException e = assertThrows(IOException.class, () -> store.store(wrong, sha256(mix), other.length));
            assertTrue(e.getMessage().contains("hashed to " + sha256(other)), e.getMessage());
        } finally {
            try (var left = Files.list(elsewhere)) {
                for (Path p : left.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(elsewhere);
        }
    }
}
