package org.dubgate.infrastructure.storage;

import org.dubgate.application.port.ContentSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An object of the local store, read from its file: a range starts where it starts, nothing before is read. */
record LocalSource(String sha256, long size, Path file) implements ContentSource {

    @Override
    public InputStream open(long offset, long length) throws IOException {
        ContentSource.requireInside(offset, length, size);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            channel.position(offset);
            return new ExactStream(Channels.newInputStream(channel), length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
