package org.dubgate.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/** Streams a stored file as a download, honouring one HTTP Range; the content hash is the ETag. */
public final class FileResponses {

    private FileResponses() {
    }

    public static Response download(Path file, String mediaType, String filename, String sha256, String rangeHeader)
            throws IOException {
        long size = Files.size(file);
        Optional<ByteRange> range = ByteRange.parse(rangeHeader, size);
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        StreamingOutput bytes = out -> copy(file, first, length, out);
        Response.ResponseBuilder response = Response.status(range.isPresent() ? 206 : 200).entity(bytes)
                .type(mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .header("Content-Disposition", "attachment; filename=\"" + safeName(filename) + "\"");
        range.ifPresent(r -> response.header("Content-Range", r.contentRange(size)));
        return response.build();
    }

    private static void copy(Path file, long first, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            long position = first;
            long remaining = length;
            while (remaining > 0) {
                long sent = channel.transferTo(position, remaining, target);
                if (sent <= 0) {
                    break;
                }
                position += sent;
                remaining -= sent;
            }
        }
    }

    /** Keeps a header-safe file name: no quotes, separators or control characters from user input. */
    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }
}
