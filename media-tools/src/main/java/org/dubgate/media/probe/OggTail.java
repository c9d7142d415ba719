package org.dubgate.media.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether an Ogg file (Opus, Vorbis, FLAC or Theora in Ogg) ends as an Ogg stream must (RFC 3533): with
 * a whole page that carries the end-of-stream flag. Ogg has no duration in a header, so FFmpeg takes
 * it from the last complete page and drops a page cut in half without a word: a file cut anywhere
 * probes as a shorter, valid file. A cut mid-page leaves bytes that no page accounts for; a cut on a
 * page boundary leaves a last page without the flag. Only the file's tail is read: a page is at most
 * 65,307 bytes.
 */
final class OggTail {

    private static final int MAX_PAGE = 27 + 255 + 255 * 255;
    private static final int HEADER = 27;
    private static final int END_OF_STREAM = 0x04;

    private OggTail() {
    }

    static void check(Path file, long sizeBytes) throws ProbeException {
        int length = (int) Math.min(sizeBytes, MAX_PAGE);
        ByteBuffer tail = ByteBuffer.allocate(length);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = sizeBytes - length;
            while (tail.hasRemaining() && in.read(tail, at + tail.position()) >= 0) {
                // read until the buffer is full
            }
        } catch (IOException e) {
            throw new ProbeException(file, ProbeException.Reason.UNREADABLE, "cannot read its end: " + e.getMessage());
        }
        byte[] b = tail.array();
        // the last page is the one whose header and segments end exactly at the end of the file
        for (int p = length - HEADER; p >= 0; p--) {
            if (b[p] == 'O' && b[p + 1] == 'g' && b[p + 2] == 'g' && b[p + 3] == 'S' && b[p + 4] == 0
                    && p + HEADER + (b[p + 26] & 0xff) <= length) {
                int segments = b[p + 26] & 0xff;
                long end = p + HEADER + segments;
                for (int s = 0; s < segments; s++) {
                    end += b[p + HEADER + s] & 0xff;
                }
                if (end == length) {
                    if ((b[p + 5] & END_OF_STREAM) == 0) {
                        throw new ProbeException(file, ProbeException.Reason.TRUNCATED, "the last Ogg page does not "
                                + "end the stream (no end-of-stream flag): the file is cut short");
                    }
                    return;
                }
            }
        }
        throw new ProbeException(file, ProbeException.Reason.TRUNCATED,
                "the file ends inside an Ogg page: it is cut short");
    }
}
