package org.dubgate.media.voice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads the format and length of a PCM WAV file from its RIFF chunks. */
final class WavFiles {

    private WavFiles() {
    }

    static Speech describe(Path wav) throws EngineException {
        try (InputStream in = Files.newInputStream(wav)) {
            byte[] header = in.readNBytes(12);
            if (header.length < 12 || !new String(header, 0, 4).equals("RIFF") || !new String(header, 8, 4).equals("WAVE")) {
                throw new EngineException("engine output " + wav.getFileName() + " is not a WAV file");
            }
            int sampleRate = 0;
            int blockAlign = 0;
            int channels = 0;
            long offset = 12;
            while (true) {
                byte[] chunk = in.readNBytes(8);
                if (chunk.length < 8) {
                    throw new EngineException("engine output " + wav.getFileName() + " has no data chunk");
                }
                offset += 8;
                String id = new String(chunk, 0, 4);
                long size = Integer.toUnsignedLong(ByteBuffer.wrap(chunk, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                if (id.equals("fmt ")) {
                    ByteBuffer fmt = ByteBuffer.wrap(in.readNBytes((int) size)).order(ByteOrder.LITTLE_ENDIAN);
                    channels = fmt.getShort(2);
                    sampleRate = fmt.getInt(4);
                    blockAlign = fmt.getShort(12);
                    offset += size;
                } else if (id.equals("data")) {
                    if (blockAlign == 0 || sampleRate == 0) {
                        throw new EngineException("engine output " + wav.getFileName() + " has data before its format");
                    }
                    // an engine writing to a pipe cannot fill in the size (0 or 0xFFFFFFFF): the file length is the truth
                    long inFile = Files.size(wav) - offset;
                    long bytes = size == 0 || size == 0xFFFFFFFFL ? inFile : Math.min(size, inFile);
                    long frames = bytes / blockAlign;
                    return new Speech(wav, Duration.ofNanos(frames * 1_000_000_000L / sampleRate), sampleRate, channels);
                } else {
                    in.skipNBytes(size + (size & 1));
                    offset += size + (size & 1);
                }
            }
        } catch (IOException e) {
            throw new EngineException("engine output " + wav.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
