package org.dubgate.infrastructure.artifact;

import org.dubgate.media.voice.VoiceEngines;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Every kind of change to an artifact's files shows in its fingerprint, and a check costs a stat per file. */
class ArtifactFingerprintTest {

    @TempDir
    Path tmp;

    private Path data;
    private Path dict;

    private ArtifactFingerprint fingerprint() throws Exception {
        data = Files.createDirectories(tmp.resolve("espeak-ng-data"));
        dict = Files.writeString(data.resolve("es_dict"), "diccionario");
        Files.writeString(Files.createDirectories(data.resolve("lang")).resolve("es"), "name Spanish");
        ArtifactFingerprint f = ArtifactFingerprint.of(List.of(data));
        assertEquals(Optional.empty(), f.firstChange());
        Thread.sleep(20); // past the file system's timestamp granularity
        return f;
    }

    @Test
    void anEditOfAnyFileShows() throws Exception {
        ArtifactFingerprint f = fingerprint();
        Files.writeString(dict, " y más", StandardOpenOption.APPEND);
        assertEquals(Optional.of(dict + " changed size (11 → 18 bytes)"), f.firstChange());
    }

    @Test
    void aTouchShows() throws Exception {
        ArtifactFingerprint f = fingerprint();
        Files.setLastModifiedTime(dict, FileTime.fromMillis(System.currentTimeMillis()));
        assertTrue(f.firstChange().orElseThrow().startsWith(dict + " was modified"), f.firstChange().toString());
    }

    @Test
    void aSameSizeEditWithItsModificationTimeSetBackShows() throws Exception {
        ArtifactFingerprint f = fingerprint();
        FileTime before = Files.getLastModifiedTime(dict);
        Files.writeString(dict, "DICCIONARIO");
        Files.setLastModifiedTime(dict, before);
        Optional<String> change = f.firstChange();
        assertTrue(change.isPresent(), "the status-change time cannot be set back");
        assertTrue(change.get().startsWith(dict + " was changed"), change.get());
    }

    @Test
    void aReplacementAnAddedFileAndARemovalShow() throws Exception {
        ArtifactFingerprint f = fingerprint();
        Path other = Files.writeString(tmp.resolve("other"), "diccionario");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(dict));
        Files.move(other, dict, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Optional.of(dict + " was replaced by another file"), f.firstChange());

        ArtifactFingerprint g = fingerprint();
        Files.writeString(data.resolve("extra_dict"), "x");
        assertEquals(Optional.of(data + " had a file added, removed or renamed"), g.firstChange());

        ArtifactFingerprint h = fingerprint();
        Files.delete(data.resolve("lang/es"));
        assertEquals(Optional.of(data.resolve("lang/es") + " is gone"), h.firstChange());
    }

    /** What the worker pays before each line for espeak-ng's artifact set: printed, and bounded loosely. */
    @Test
    void aCheckOfEspeakNgsArtifactCostsAStatPerFile() throws Exception {
        var espeak = VoiceEngines.named("espeak-ng").orElseThrow();
        List<Path> artifacts;
        try {
            artifacts = espeak.artifacts();
        } catch (Exception e) {
            Assumptions.abort("espeak-ng not installed: " + e.getMessage());
            return;
        }
        ArtifactFingerprint f = ArtifactFingerprint.of(artifacts);
        for (int i = 0; i < 300; i++) {
            assertEquals(Optional.empty(), f.firstChange());
        }
        int checks = 1000;
        long began = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            f.firstChange();
        }
        double micros = (System.nanoTime() - began) / 1e3 / checks;
        String location = String.join(ArtifactHasher.SEPARATOR, artifacts.stream().map(Path::toString).toList());
        ArtifactHasher hasher = new ArtifactHasher();
        hasher.sha256(location);
        long hashBegan = System.nanoTime();
        hasher.sha256(location);
        double hashMillis = (System.nanoTime() - hashBegan) / 1e6;
        System.out.printf("espeak-ng artifact: %d files and folders; fingerprint check %.0f µs (%.2f µs a stat); "
                + "full SHA-256 %.1f ms%n", f.size(), micros, micros / f.size(), hashMillis);
        assertTrue(micros < 20_000, "a check is a stat per file, not a read: " + micros + " µs");
    }
}
