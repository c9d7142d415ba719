package org.dubgate.infrastructure.storage;

import jakarta.enterprise.inject.Vetoed;
import org.dubgate.application.port.ContentSource;
import org.dubgate.application.port.ContentStore;
import org.dubgate.application.port.StoredContent;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Content in an S3-compatible bucket, at {@code objects/<sha256>}; uploads pass through
 * {@code incoming/<node>-<start>-<random>} (see {@link S3Uploads}). Several nodes may share the
 * bucket: an address is written only with the bytes that hash to it, so two nodes storing the same
 * bytes at once write the same object. Tools that need a path get this node's cached copy
 * ({@link ObjectCache}); downloads read ranges straight from the bucket.
 */
@Vetoed
public class S3ContentStore implements ContentStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(S3ContentStore.class.getName());
    private static final String INCOMING = "incoming/";
    private static final int PARALLEL_FETCHES = 8;
    /** Names this node's uploads, as {@link LocalContentStore} does: letters, digits and dots, so '-' ends it. */
    private static final String NODE = System.getProperty("jboss.node.name", "node").replaceAll("[^A-Za-z0-9.]", "_");

    private final S3Client s3;
    private final String bucket;
    private final String description;
    private final S3Uploads uploads;
    private final ObjectCache cache;
    private final String start = UUID.randomUUID().toString().substring(0, 8);
    private final ExecutorService fetches = Executors.newFixedThreadPool(PARALLEL_FETCHES, r -> {
        Thread t = new Thread(r, "dubgate-s3-fetch");
        t.setDaemon(true);
        return t;
    });

    /** A store for the settings given, the bucket made if it is missing; it owns the client it makes. */
    public static S3ContentStore open(S3Settings settings) {
        return new S3ContentStore(settings.client(), settings.bucket(), new ObjectCache(settings.cacheDir(),
                settings.cacheMaxBytes()), S3Uploads.Sizes.S3, settings.toString());
    }

    S3ContentStore(S3Client s3, String bucket, ObjectCache cache, S3Uploads.Sizes sizes, String description) {
        this.s3 = s3;
        this.bucket = bucket;
        this.description = description;
        this.uploads = new S3Uploads(s3, bucket, sizes);
        this.cache = cache;
        ensureBucket();
    }

    static String node() {
        return NODE;
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            createBucket();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IllegalStateException("S3 " + description + " refused access to the bucket ("
                        + e.statusCode() + "): " + e.getMessage(), e);
            }
            createBucket();
        } catch (SdkException e) {
            throw new IllegalStateException("S3 " + description + " cannot be reached: " + e.getMessage(), e);
        }
    }

    private void createBucket() {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException anotherNodeMadeItMeanwhile) {
            // what was wanted
        } catch (SdkException e) {
            throw new IllegalStateException("S3 " + description + ": the bucket is missing and cannot be made: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public StoredContent store(InputStream in, long maxBytes) throws IOException {
        String tempKey = INCOMING + NODE + "-" + start + "-" + UUID.randomUUID();
        try {
            return uploads.fromStream(in, maxBytes, tempKey, S3ContentStore::objectKey);
        } catch (SdkException e) {
            throw new IOException("cannot store an upload in S3 " + description + ": " + e.getMessage(), e);
        }
    }

    /** Hashed where it lies (reading a local file is cheaper than copying an object), then put at its address. */
    @Override
    public StoredContent store(Path file) throws IOException {
        MessageDigest sha = S3Uploads.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return store(file, HexFormat.of().formatHex(sha.digest()), Files.size(file));
    }

    /**
     * Puts a file the server made at the address its writer's digest gives (on trust, as
     * {@link LocalContentStore} does); its size is checked first, so a file that is not what its writer
     * finished is refused and stays where it was. The file then becomes this node's cached copy: the
     * next stage here reads it without a fetch.
     */
    @Override
    public StoredContent store(Path file, String sha256, long sizeBytes) throws IOException {
        ContentAddress.checkMadeFile(file, sha256, sizeBytes);
        try {
            uploads.madeFile(file, objectKey(sha256), sizeBytes);
        } catch (SdkException | UncheckedIOException e) {
            throw new IOException("cannot store " + file + " in S3 " + description + ": " + e.getMessage(), e);
        }
        try {
            cache.adopt(file, sha256);
        } catch (IOException e) {
            // stored all the same: this node fetches it when it needs it
            LOG.warning(() -> "could not keep " + file + " as the cached copy of " + sha256 + ": " + e.getMessage());
        }
        return new StoredContent(sha256, sizeBytes);
    }

    @Override
    public Optional<ContentSource> find(String sha256) {
        if (!ContentAddress.isValid(sha256)) {
            return Optional.empty();
        }
        String key = objectKey(sha256);
        return sizeOf(key).map(size -> new S3Source(s3, bucket, key, sha256, size));
    }

    /**
     * A copy this node holds is handed out only once the bucket says the content is still stored (one
     * HEAD, not a download): content removed there — by another node, say — is not handed out from
     * this node's cache. Without a copy the object is fetched at once: the GET says as well as a HEAD
     * would whether it is stored, and how big it is.
     */
    @Override
    public Optional<Path> localFile(String sha256) {
        if (!ContentAddress.isValid(sha256)) {
            return Optional.empty();
        }
        String key = objectKey(sha256);
        try {
            if (cache.holds(sha256)) {
                Optional<Long> size = sizeOf(key);
                if (size.isEmpty()) {
                    cache.drop(sha256);
                    return Optional.empty();
                }
                // the copy is handed out as it is unless its size differs: then fetched again
                return Optional.of(cache.file(sha256, size.get(), file -> {
                    try (InputStream in = s3.getObject(b -> b.bucket(bucket).key(key))) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                }));
            }
            ResponseInputStream<GetObjectResponse> in;
            try {
                in = s3.getObject(b -> b.bucket(bucket).key(key));
            } catch (NoSuchKeyException absent) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty(); // a server that says so without the NoSuchKey code
                }
                throw e;
            }
            boolean[] copied = {false};
            try {
                Long length = in.response().contentLength();
                long size = length != null ? length : sizeOf(key).orElse(-1L);
                if (size < 0) {
                    return Optional.empty();
                }
                return Optional.of(cache.file(sha256, size, file -> {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    copied[0] = true;
                }));
            } finally {
                if (copied[0]) {
                    in.close();
                } else {
                    in.abort(); // another thread placed the copy, or it failed: the rest of the body is not wanted
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fetch " + key + " into " + cache.root(), e);
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("cannot fetch " + key + " from S3 " + description + ": "
                    + e.getMessage(), e));
        }
    }

    /**
     * Several at once, {@value #PARALLEL_FETCHES} at a time: each fetch waits on the bucket most of its
     * time. The fetching threads are this store's own (they do plain HTTP and file work, nothing of
     * the container's), as the SDK's HTTP client has its own.
     */
    @Override
    public List<Optional<Path>> localFiles(List<String> sha256s) {
        if (sha256s.size() < 2) {
            return ContentStore.super.localFiles(sha256s);
        }
        // identical lines have identical hashes: each fetched once
        java.util.Map<String, CompletableFuture<Optional<Path>>> once = new java.util.HashMap<>();
        List<CompletableFuture<Optional<Path>>> each = sha256s.stream().map(sha -> once.computeIfAbsent(sha,
                s -> CompletableFuture.supplyAsync(() -> localFile(s), fetches))).toList();
        try {
            return each.stream().map(CompletableFuture::join).toList();
        } catch (CompletionException e) {
            each.forEach(f -> f.cancel(false));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public boolean remove(String sha256) throws IOException {
        if (!ContentAddress.isValid(sha256)) {
            return false;
        }
        String key = objectKey(sha256);
        try {
            boolean stored = uploads.storedSize(key).isPresent();
            if (stored) {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
            }
            cache.drop(sha256);
            return stored;
        } catch (SdkException e) {
            throw new IOException("cannot remove " + key + " from S3 " + description + ": " + e.getMessage(), e);
        }
    }

    /**
     * Aborts the multipart uploads and removes the temporary objects of uploads cut short: this
     * node's from earlier starts at once, any other after a day. A multipart upload of a file straight
     * to its address (a stage's output) carries no node, so it too goes after a day. This node's
     * unfinished fetches into its cache go as well.
     */
    @Override
    public int sweepAbandonedUploads() {
        String mine = INCOMING + NODE + "-";
        String thisStart = mine + start + "-";
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        int removed = 0;
        try {
            for (MultipartUpload u : s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads()) {
                boolean earlierStartOfThisNode = u.key().startsWith(mine) && !u.key().startsWith(thisStart);
                if (earlierStartOfThisNode || u.initiated().isBefore(dayAgo)) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId()));
                    removed++;
                }
            }
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(INCOMING)).contents()) {
                boolean earlierStartOfThisNode = o.key().startsWith(mine) && !o.key().startsWith(thisStart);
                if (earlierStartOfThisNode || o.lastModified().isBefore(dayAgo)) {
                    s3.deleteObject(b -> b.bucket(bucket).key(o.key()));
                    removed++;
                }
            }
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("cannot sweep the unfinished uploads in S3 " + description
                    + ": " + e.getMessage(), e));
        }
        return removed + cache.sweepEarlierStarts();
    }

    private Optional<Long> sizeOf(String key) {
        try {
            return uploads.storedSize(key);
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("cannot look up " + key + " in S3 " + description + ": "
                    + e.getMessage(), e));
        }
    }

    static String objectKey(String sha256) {
        return "objects/" + sha256;
    }

    @Override
    public void close() {
        // queued fetches still run (and fail at once on the closed client), so no caller waits on one for ever
        fetches.shutdown();
        s3.close();
    }

    @Override
    public String toString() {
        return "S3 " + description;
    }
}
