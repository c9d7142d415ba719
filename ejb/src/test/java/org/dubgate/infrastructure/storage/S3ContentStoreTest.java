package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The contract against a real S3 server (S3Proxy, out of process), and what only an object store does. */
class S3ContentStoreTest extends ContentStoreContract {

    @TempDir
    static Path server;

    private static S3Proxy proxy;
    private static S3Client bucketView;
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private String bucket;

    @BeforeAll
    static void startServer() throws IOException {
        proxy = S3Proxy.start(server);
        bucketView = proxy.client();
    }

    @AfterAll
    static void stopServer() {
        bucketView.close();
        proxy.close();
    }

    /** As a deployment makes it, from configuration: a bucket of its own for each test, made by the store. */
    @Override
    ContentStore newStore() {
        bucket = "dubgate-test-" + BUCKETS.incrementAndGet();
        return ContentStores.open(key -> Optional.ofNullable(proxy.config(bucket, work.resolve("cache")).get(key)));
    }

    @AfterEach
    void closeStore() {
        ((S3ContentStore) store).close();
    }

    @Override
    int storedObjects() {
        return objectsUnder("objects/").size();
    }

    @Override
    int leftOfUploads() {
        return objectsUnder("incoming/").size() + multipartUploads().size();
    }

    private List<String> objectsUnder(String prefix) {
        return bucketView.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(o -> o.key()).toList();
    }

    private List<String> multipartUploads() {
        return bucketView.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().stream()
                .map(MultipartUpload::key).toList();
    }

    @Test
    void theStoreMakesItsBucketAndKeepsObjectsAtTheirDigest() {
        assertDoesNotThrow(() -> bucketView.headBucket(b -> b.bucket(bucket)));
        StoredContent stored = assertDoesNotThrow(() -> store.store(new ByteArrayInputStream(new byte[]{1, 2, 3}), 3));
        assertEquals(List.of("objects/" + stored.sha256()), objectsUnder(""));
    }

    @Test
    void uploadsCutShortByAnEarlierStartAreSweptAndThoseOfOtherNodesKept() throws Exception {
        String earlier = "incoming/" + S3ContentStore.node() + "-00000000-";
        bucketView.createMultipartUpload(b -> b.bucket(bucket).key(earlier + "crashed-while-streaming"));
        bucketView.putObject(b -> b.bucket(bucket).key(earlier + "crashed-before-its-copy"), RequestBody.fromString("x"));
        String otherNode = "incoming/othernode-11111111-still-streaming";
        bucketView.createMultipartUpload(b -> b.bucket(bucket).key(otherNode));
        Path fetch = Files.writeString(work.resolve("cache").resolve("incoming").resolve("fetch-22222222-1.part"), "x");

        assertEquals(3, store.sweepAbandonedUploads());
        assertEquals(List.of(otherNode), multipartUploads(), "another node's upload of today is left alone");
        assertEquals(List.of(), objectsUnder("incoming/"));
        assertFalse(Files.exists(fetch));
        assertEquals(0, store.sweepAbandonedUploads());
    }

    @Test
    void contentOutlivesARestartOfTheServer() throws Exception {
        byte[] evidence = "a signed consent form".getBytes();
        StoredContent small = store.store(new ByteArrayInputStream(evidence), 1000);
        StoredContent large = store.store(GeneratedBytes.stream(LARGE), LARGE);
        proxy.restart();
        assertArrayEquals(evidence, read(store.find(small.sha256()).orElseThrow(), 0, evidence.length));
        assertEquals(large.sha256(), GeneratedBytes.sha256(store.find(large.sha256()).orElseThrow().open()));
        assertEquals(large.sha256(), GeneratedBytes.sha256(Files.newInputStream(store.localFile(large.sha256())
                .orElseThrow())));
    }

    @Test
    void anObjectTooLargeForOneCopyIsCopiedIntoPlaceInParts() throws Exception {
        String copied = "dubgate-test-copy-" + BUCKETS.incrementAndGet();
        try (S3ContentStore small = new S3ContentStore(proxy.client(), copied, new ObjectCache(work.resolve("copy-cache"), 1L << 30),
                new S3Uploads.Sizes(8 << 20, 5L << 20, 1L << 20), "bucket " + copied)) {
            StoredContent stored = small.store(GeneratedBytes.stream(LARGE), LARGE);
            assertEquals(GeneratedBytes.sha256(LARGE), stored.sha256());
            assertEquals(stored.sha256(), GeneratedBytes.sha256(small.find(stored.sha256()).orElseThrow().open()));
            assertEquals(0, bucketView.listMultipartUploadsPaginator(b -> b.bucket(copied)).uploads().stream().count());
            assertEquals(List.of("objects/" + stored.sha256()), bucketView.listObjectsV2Paginator(b -> b.bucket(copied))
                    .contents().stream().map(o -> o.key()).toList());
        }
    }

    @Test
    void aLocalFileIsFetchedIntoTheCacheOnceAndNotHandedOutWhenTheObjectIsGone() throws Exception {
        StoredContent stored = store.store(GeneratedBytes.stream(LARGE), LARGE);
        Path cached = store.localFile(stored.sha256()).orElseThrow();
        assertTrue(cached.startsWith(work.resolve("cache")), cached.toString());
        assertEquals(0, Files.list(work.resolve("cache").resolve("incoming")).count(), "no fetch left behind");
        bucketView.deleteObject(b -> b.bucket(bucket).key("objects/" + stored.sha256()));
        assertEquals(Optional.empty(), store.localFile(stored.sha256()), "removed by another node");
        assertFalse(Files.exists(cached));
    }

    @Test
    void aFileTheServerMadeBecomesThisNodesCachedCopy() throws Exception {
        Path mix = work.resolve("mix.wav");
        try (OutputStream out = Files.newOutputStream(mix)) {
            GeneratedBytes.stream(LARGE).transferTo(out);
        }
        Object identity = Files.readAttributes(mix, BasicFileAttributes.class).fileKey();
        StoredContent stored = store.store(mix, GeneratedBytes.sha256(LARGE), LARGE);
        assertFalse(Files.exists(mix));
        Path cached = store.localFile(stored.sha256()).orElseThrow();
        assertEquals(identity, Files.readAttributes(cached, BasicFileAttributes.class).fileKey(), "moved, not fetched");
        assertEquals(List.of("objects/" + stored.sha256()), objectsUnder(""));
        assertEquals(0, leftOfUploads());
    }

    /**
     * A line a stage made goes up in one PUT, asked nothing first: a HEAD before it was one more
     * request for each of a job's thousands of lines. Storing it again leaves one object.
     */
    @Test
    void aFileTheServerMadeTakesOneRequest() throws Exception {
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutionInterceptor watch = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                asked.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            }
        };
        String watched = "dubgate-test-watched-" + BUCKETS.incrementAndGet();
        try (S3ContentStore counted = new S3ContentStore(proxy.client(List.of(watch)), watched,
                new ObjectCache(work.resolve("watched-cache"), 1L << 30), S3Uploads.Sizes.S3, "bucket " + watched)) {
            asked.clear(); // the bucket's HEAD and CREATE at the start
            byte[] line = "a line of speech".repeat(4000).getBytes();
            String sha = GeneratedBytes.sha256(new ByteArrayInputStream(line));
            for (int i = 0; i < 2; i++) {
                Path made = Files.write(work.resolve("line-" + i + ".wav"), line);
                counted.store(made, sha, line.length);
            }
            assertEquals(List.of("PutObject", "PutObject"), asked);
            assertEquals(List.of("objects/" + sha), bucketView.listObjectsV2Paginator(b -> b.bucket(watched))
                    .contents().stream().map(o -> o.key()).toList());
            assertArrayEquals(line, Files.readAllBytes(counted.localFile(sha).orElseThrow()));
        }
    }

    @Test
    void severalAreFetchedAtOnceInOrderAndNoneGoneIsHandedOut() throws Exception {
        List<String> shas = new java.util.ArrayList<>();
        List<byte[]> contents = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] line = ("line " + i + " ").repeat(1000 + i).getBytes();
            // stored by another node: nothing of it in this node's cache
            String sha = GeneratedBytes.sha256(new ByteArrayInputStream(line));
            bucketView.putObject(b -> b.bucket(bucket).key("objects/" + sha), RequestBody.fromBytes(line));
            shas.add(sha);
            contents.add(line);
        }
        String gone = shas.get(7);
        assertTrue(store.localFile(gone).isPresent(), "cached here");
        bucketView.deleteObject(b -> b.bucket(bucket).key("objects/" + gone));
        Path wrongSize = store.localFile(shas.get(3)).orElseThrow();
        Files.write(wrongSize, new byte[]{1, 2, 3}); // a copy cut short
        String never = "0".repeat(64);
        List<String> asked = new java.util.ArrayList<>(shas);
        asked.add(never);

        List<Optional<Path>> files = store.localFiles(asked);
        assertEquals(asked.size(), files.size());
        for (int i = 0; i < shas.size(); i++) {
            if (i == 7) {
                assertEquals(Optional.empty(), files.get(i), "removed from the bucket: not handed out from the cache");
            } else {
                assertArrayEquals(contents.get(i), Files.readAllBytes(files.get(i).orElseThrow()), "object " + i);
            }
        }
        assertEquals(Optional.empty(), files.get(shas.size()), "never stored");
        assertEquals(0, Files.list(work.resolve("cache").resolve("incoming")).count(), "no fetch left behind");
    }
}
