package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * An object in the bucket, read with a ranged GET: a client asking for the last second of a
 * programme costs that second, not the programme. Closed before its end (a client that went away),
 * the response is aborted rather than read to its end.
 */
record S3Source(S3Client s3, String bucket, String key, String sha256, long size) implements ContentSource {

    @Override
    public InputStream open(long offset, long length) throws IOException {
        ContentSource.requireInside(offset, length, size);
        if (length == 0) {
            return InputStream.nullInputStream(); // an HTTP range cannot be empty
        }
        try {
            ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket(bucket).key(key)
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
            Long sent = body.response().contentLength();
            if (sent == null || sent != length) {
                // a server that ignored the range sends the whole object: its first bytes are not the range
                body.abort();
                throw new IOException("bucket " + bucket + " answered the range " + offset + "+" + length + " of "
                        + key + " with " + sent + " bytes");
            }
            return new ExactStream(body, length, body::abort);
        } catch (SdkException e) {
            throw new IOException("cannot read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key + " (" + size + " bytes)";
    }
}
