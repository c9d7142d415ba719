package org.dubgate.infrastructure.artifact;

import org.dubgate.domain.model.HashState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ArtifactHasherTest {

    @TempDir
    Path tmp;

    private final ArtifactHasher hasher = new ArtifactHasher();

    @Test
    void fileIsHashedAsItsBytes() throws Exception {
        Path f = Files.writeString(tmp.resolve("voice.bin"), "abc");
        assertEquals(Optional.of("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
                hasher.sha256(f.toString()), "SHA-256 of 'abc'");
    }

    @Test
    void folderHashChangesWithAnyFileOrName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(dir.resolve("a.dict"), "one");
        Files.writeString(Files.createDirectories(dir.resolve("voices")).resolve("b"), "two");
        String before = hasher.sha256(dir.toString()).orElseThrow();
        Files.writeString(dir.resolve("voices/b"), "TWO");
        Files.setLastModifiedTime(dir.resolve("voices/b"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        String edited = hasher.sha256(dir.toString()).orElseThrow();
        assertNotEquals(before, edited);
        Files.move(dir.resolve("a.dict"), dir.resolve("c.dict"));
        assertNotEquals(edited, hasher.sha256(dir.toString()).orElseThrow());
    }

    @Test
    void severalPathsMakeOneArtifactAndAMissingPartMeansMissing() throws Exception {
        Path bin = Files.writeString(tmp.resolve("engine"), "binary");
        Path lib = Files.writeString(tmp.resolve("libengine.so.1"), "library");
        String both = bin + ArtifactHasher.SEPARATOR + lib;
        String hash = hasher.sha256(both).orElseThrow();
        assertNotEquals(hasher.sha256(bin.toString()).orElseThrow(), hash);
        assertEquals(HashState.MATCH, hasher.check(both, hash));
        assertEquals(HashState.MISSING, hasher.check(both + ArtifactHasher.SEPARATOR + tmp.resolve("gone"), hash));
        Files.writeString(lib, "library, patched");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(HashState.MISMATCH, hasher.check(both, hash));
    }

    @Test
    void everyCheckIsAFullHashSoAnEditThatKeepsSizeAndTimeIsStillSeen() throws Exception {
        Path lib = Files.writeString(tmp.resolve("libengine.so.1"), "library");
        String hash = hasher.sha256(lib.toString()).orElseThrow();
        FileTime time = Files.getLastModifiedTime(lib);
        Files.writeString(lib, "LIBRARY");
        Files.setLastModifiedTime(lib, time);
        assertEquals(HashState.MISMATCH, hasher.check(lib.toString(), hash), "no hash is taken on trust from size and time");
    }

    @Test
    void theFingerprintCoversEveryPartAndEveryFileOfAFolder() throws Exception {
        Path bin = Files.writeString(tmp.resolve("engine"), "binary");
        Path data = Files.createDirectories(tmp.resolve("engine-data"));
        Files.writeString(data.resolve("voice"), "voice");
        String location = bin + ArtifactHasher.SEPARATOR + data;
        ArtifactFingerprint fingerprint = hasher.fingerprint(location).orElseThrow();
        assertEquals(3, fingerprint.size(), "the binary, the folder and its file");
        assertEquals(Optional.empty(), fingerprint.firstChange());
        assertEquals(Optional.empty(), hasher.fingerprint(location + ArtifactHasher.SEPARATOR + tmp.resolve("gone")));
    }
}
