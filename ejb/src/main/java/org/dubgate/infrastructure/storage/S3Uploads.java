package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentTooLargeException;
import org.dubgate.application.port.StoredContent;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * How bytes get into the bucket. An upload's digest is known only at its end, so a stream longer than
 * one part goes as a multipart upload to a temporary key, one part buffer at a time, and is then
 * copied to its address on the server (the bytes do not travel again); a shorter one is hashed whole
 * in its buffer first and put at its address at once. S3 makes a PUT or a completed multipart upload
 * visible only whole, so a half-written object is never seen at an address.
 */
final class S3Uploads {

    /**
     * @param partBytes           one buffer per upload in progress, so the memory an upload takes (S3: at least 5 MiB)
     * @param copyPartBytes       a part of a server-side copy too large for one CopyObject
     * @param singleCopyMaxBytes  the largest object one CopyObject copies (S3: 5 GiB)
     */
    record Sizes(int partBytes, long copyPartBytes, long singleCopyMaxBytes) {
        static final Sizes S3 = new Sizes(8 << 20, 1L << 30, 5L << 30);
    }

    /** S3's limit on the parts of one upload: 78 GiB in 8 MiB parts. */
    private static final int MAX_PARTS = 10_000;
    private static final String OCTETS = "application/octet-stream";
    /** Read first: content this small (a manifest, a form) takes no part buffer. */
    private static final int SMALL = 1 << 16;
    private static final Logger LOG = Logger.getLogger(S3Uploads.class.getName());

    private final S3Client s3;
    private final String bucket;
    private final Sizes sizes;

    S3Uploads(S3Client s3, String bucket, Sizes sizes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.sizes = sizes;
    }

    /**
     * Stores a stream at the address {@code keyOf} gives its digest (kept as it is when the same bytes
     * are there already), through {@code tempKey} when it is longer than a part.
     *
     * @throws ContentTooLargeException past {@code maxBytes}; the upload is aborted, nothing is left
     */
    StoredContent fromStream(InputStream in, long maxBytes, String tempKey, UnaryOperator<String> keyOf)
            throws IOException {
        MessageDigest sha = sha256();
        InputStream hashed = new DigestInputStream(in, sha);
        int head = Math.min(SMALL, sizes.partBytes());
        byte[] part = hashed.readNBytes(head);
        int n = part.length;
        if (n == head && head < sizes.partBytes()) {
            part = Arrays.copyOf(part, sizes.partBytes());
            n += hashed.readNBytes(part, n, part.length - n);
        }
        if (n > maxBytes) {
            throw new ContentTooLargeException(maxBytes);
        }
        if (n < sizes.partBytes()) {
            StoredContent content = new StoredContent(HexFormat.of().formatHex(sha.digest()), n);
            String key = keyOf.apply(content.sha256());
            if (!storedAlready(key, n)) {
                byte[] whole = part;
                int length = n;
                s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(whole, 0, length), length, OCTETS));
            }
            return content;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(tempKey)).uploadId();
        boolean uploaded = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            long size = 0;
            while (n > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new ContentTooLargeException(maxBytes);
                }
                byte[] bytes = part;
                int length = n;
                parts.add(part(tempKey, uploadId, parts.size() + 1, RequestBody.fromContentProvider(
                        () -> new ByteArrayInputStream(bytes, 0, length), length, OCTETS)));
                n = n < part.length ? 0 : hashed.readNBytes(part, 0, part.length);
            }
            complete(tempKey, uploadId, parts);
            uploaded = true;
            StoredContent content = new StoredContent(HexFormat.of().formatHex(sha.digest()), size);
            String key = keyOf.apply(content.sha256());
            if (!storedAlready(key, size)) {
                copy(tempKey, key, size);
            }
            return content;
        } finally {
            // a failure here must not hide the upload's own outcome: what is left, the sweep at a start removes
            if (uploaded) {
                deleteQuietly(tempKey);
            } else {
                abortQuietly(tempKey, uploadId);
            }
        }
    }

    /**
     * Puts a file the server made at its address {@code key}. Up to a part's size in one PUT, without
     * asking first whether the bytes are there: a PUT of the bytes that hash to the key leaves what
     * another node's PUT would, and a HEAD before it cost a request for each of a job's thousands of
     * lines (one more round trip in the worker's path, and the object store's CPU). A larger file is
     * uploaded in parts only when its address is empty.
     *
     * @throws IOException when a larger file's address holds another size (corruption)
     */
    void madeFile(Path file, String key, long size) throws IOException {
        if (size <= sizes.partBytes() || !storedAlready(key, size)) {
            fromFile(file, key, size);
        }
    }

    /** Puts a file at {@code key}: in one request up to a part's size, in parts read from the file beyond. */
    private void fromFile(Path file, String key, long size) {
        if (size <= sizes.partBytes()) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentLength(size), RequestBody.fromFile(file));
            return;
        }
        LocalSource source = new LocalSource("", size, file);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        boolean uploaded = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long offset = 0; offset < size; offset += sizes.partBytes()) {
                long from = offset;
                long length = Math.min(sizes.partBytes(), size - offset);
                parts.add(part(key, uploadId, parts.size() + 1, RequestBody.fromContentProvider(() -> {
                    try {
                        return source.open(from, length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, length, OCTETS)));
            }
            complete(key, uploadId, parts);
            uploaded = true;
        } finally {
            if (!uploaded) {
                abortQuietly(key, uploadId);
            }
        }
    }

    /** The size of what is stored at {@code key}; empty when nothing is. */
    Optional<Long> storedSize(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength());
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The same bytes are at their address already: one copy is kept (a size that differs is corruption). */
    private boolean storedAlready(String key, long size) throws IOException {
        Optional<Long> stored = storedSize(key);
        if (stored.isPresent() && stored.get() != size) {
            throw new IOException("stored object " + key + " has " + stored.get() + " bytes, not " + size);
        }
        return stored.isPresent();
    }

    private CompletedPart part(String key, String uploadId, int number, RequestBody body) {
        if (number > MAX_PARTS) {
            throw new IllegalStateException("an upload of more than " + MAX_PARTS + " parts of " + sizes.partBytes()
                    + " bytes, the most an S3 upload takes");
        }
        String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                .contentLength(body.optionalContentLength().orElseThrow()), body).eTag();
        return CompletedPart.builder().partNumber(number).eTag(eTag).build();
    }

    private void complete(String key, String uploadId, List<CompletedPart> parts) {
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
    }

    /** A server-side copy: one CopyObject up to its limit, beyond it a multipart upload of copied ranges. */
    private void copy(String from, String to, long size) {
        if (size <= sizes.singleCopyMaxBytes()) {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
            return;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(to)).uploadId();
        boolean copied = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long first = 0; first < size; first += sizes.copyPartBytes()) {
                int number = parts.size() + 1;
                String range = "bytes=" + first + "-" + (Math.min(first + sizes.copyPartBytes(), size) - 1);
                String eTag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket)
                        .destinationKey(to).uploadId(uploadId).partNumber(number).copySourceRange(range))
                        .copyPartResult().eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            }
            complete(to, uploadId, parts);
            copied = true;
        } finally {
            if (!copied) {
                abortQuietly(to, uploadId);
            }
        }
    }

    private void deleteQuietly(String tempKey) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(tempKey));
        } catch (SdkException e) {
            LOG.warning(() -> "could not delete the temporary object " + tempKey + ": " + e.getMessage());
        }
    }

    private void abortQuietly(String key, String uploadId) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            LOG.warning(() -> "could not abort the multipart upload to " + key + ": " + e.getMessage());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
