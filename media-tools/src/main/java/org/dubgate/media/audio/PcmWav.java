package org.dubgate.media.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads 16-bit PCM WAV bytes directly: enough to tell speech from silence in an engine's output. */
public final class PcmWav {

    private PcmWav() {
    }

    /**
     * Root mean square of the 16-bit samples in the data chunk (0 for silence, up to 32767); a data
     * size of 0 or past the end of the bytes (engines writing to a pipe) means "to the end".
     */
    public static double rms(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        while (pos + 8 <= wav.length) {
            String id = new String(wav, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("data")) {
                int end = size <= 0 || pos + 8L + size > wav.length ? wav.length : pos + 8 + size;
                double sum = 0;
                int n = 0;
                for (int i = pos + 8; i + 1 < end; i += 2) {
                    double s = b.getShort(i);
                    sum += s * s;
                    n++;
                }
                return n == 0 ? 0 : Math.sqrt(sum / n);
            }
            if (size < 0) {
                return 0;
            }
            pos += 8 + size + (size & 1);
        }
        return 0;
    }
}
