package org.dubgate.infrastructure.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Which store the configuration names, and the reason a deployment fails when it names none. */
class ContentStoresTest {

    @TempDir
    Path tmp;

    private static Exception refused(Map<String, String> config) {
        return assertThrows(IllegalStateException.class, () -> ContentStores.open(k -> Optional.ofNullable(config.get(k))));
    }

    @Test
    void aFolderUnlessToldOtherwise() {
        assertInstanceOf(LocalContentStore.class, ContentStores.open(k -> Optional.ofNullable(
                Map.of("dubgate.storage.dir", tmp.toString()).get(k))));
        assertInstanceOf(LocalContentStore.class, ContentStores.open(k -> Optional.ofNullable(
                Map.of("dubgate.storage", "local", "dubgate.storage.dir", tmp.toString()).get(k))));
    }

    @Test
    void anUnknownStoreIsRefusedWithTheChoices() {
        String why = refused(Map.of("dubgate.storage", "minio")).getMessage();
        assertTrue(why.contains("dubgate.storage is 'minio'") && why.contains("local") && why.contains("s3"), why);
    }

    @Test
    void s3WithoutEndpointOrBucketIsRefusedNamingTheKey() {
        assertTrue(refused(Map.of("dubgate.storage", "s3", "dubgate.s3.bucket", "b")).getMessage()
                .contains("needs dubgate.s3.endpoint"));
        assertTrue(refused(Map.of("dubgate.storage", "s3", "dubgate.s3.endpoint", "http://127.0.0.1:9000"))
                .getMessage().contains("needs dubgate.s3.bucket"));
        assertTrue(refused(Map.of("dubgate.storage", "s3", "dubgate.s3.bucket", "b", "dubgate.s3.endpoint",
                "127.0.0.1:9000")).getMessage().contains("not an http:// or https:// URL"));
        String halfSignedIn = refused(Map.of("dubgate.storage", "s3", "dubgate.s3.bucket", "b", "dubgate.s3.endpoint",
                "http://127.0.0.1:9000", "dubgate.s3.access-key", "k")).getMessage();
        assertTrue(halfSignedIn.contains("but not dubgate.s3.secret-key"), halfSignedIn);
    }

    @Test
    void anS3ServerThatCannotBeReachedFailsAtOnce() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String why = refused(Map.of("dubgate.storage", "s3", "dubgate.s3.bucket", "b", "dubgate.s3.endpoint",
                "http://127.0.0.1:" + closed, "dubgate.s3.access-key", "k", "dubgate.s3.secret-key", "s",
                "dubgate.storage.cache-dir", tmp.toString())).getMessage();
        assertTrue(why.contains("cannot be reached") && why.contains("http://127.0.0.1:" + closed), why);
        assertFalse(why.contains("secret-key") || why.contains(" s)"), "the secret is not told: " + why);
    }
}
