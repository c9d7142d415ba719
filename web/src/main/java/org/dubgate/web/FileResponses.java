package org.dubgate.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.dubgate.application.port.ContentSource;

import java.io.InputStream;
import java.util.Optional;

/**
 * Streams stored content as a download, honouring one HTTP Range; the content hash is the ETag. Only
 * the range asked for is read from storage (a remote store is asked for just those bytes), and it is
 * read as it is sent, so nothing is copied first.
 */
public final class FileResponses {

    /** Larger than the JDK's 8 KiB: a remote store's response is read in fewer, larger pieces. */
    private static final int BUFFER = 1 << 16;

    private FileResponses() {
    }

    public static Response download(ContentSource content, String mediaType, String filename, String rangeHeader) {
        long size = content.size();
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        StreamingOutput bytes = out -> {
            try (InputStream in = content.open(first, length)) {
                byte[] buf = new byte[BUFFER];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                }
            }
        };
        Response.ResponseBuilder response = Response.status(range.isPresent() ? 206 : 200).entity(bytes)
                .type(mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + content.sha256() + "\"")
                .header("Content-Disposition", "attachment; filename=\"" + safeName(filename) + "\"");
        range.ifPresent(r -> response.header("Content-Range", r.contentRange(size)));
        return response.build();
    }

    /** Keeps a header-safe file name: no quotes, separators or control characters from user input. */
    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
