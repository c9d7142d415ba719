package org.dubgate.it;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WAV file's RIFF chunks as a test reads them, independently of the server's own code: its format,
 * its PCM samples, and the text of its LIST/INFO chunk (what a WAV says about itself).
 */
record RiffWave(int channels, int rate, int bits, byte[] data, Map<String, String> info) {

    static RiffWave of(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        String riff = ascii(file, 0, 4);
        if (!riff.equals("RIFF") && !riff.equals("RF64") || !ascii(file, 8, 4).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file: " + riff);
        }
        int channels = 0, rate = 0, bits = 0;
        byte[] data = null;
        Map<String, String> info = new LinkedHashMap<>();
        int at = 12;
        while (at + 8 <= file.length) {
            String id = ascii(file, at, 4);
            long size = Integer.toUnsignedLong(b.getInt(at + 4));
            int body = at + 8;
            if (id.equals("data") && (size == 0xFFFFFFFFL || body + size > file.length)) {
                size = file.length - body; // RF64 keeps the real size in ds64; the rest of the file is the data
            }
            switch (id) {
                case "fmt " -> {
                    channels = b.getShort(body + 2);
                    rate = b.getInt(body + 4);
                    bits = b.getShort(body + 14);
                }
                case "data" -> {
                    data = new byte[(int) size];
                    System.arraycopy(file, body, data, 0, (int) size);
                }
                case "LIST" -> {
                    if (ascii(file, body, 4).equals("INFO")) {
                        int sub = body + 4;
                        while (sub + 8 <= body + size) {
                            String key = ascii(file, sub, 4);
                            int len = b.getInt(sub + 4);
                            info.put(key, new String(file, sub + 8, len, StandardCharsets.UTF_8).replace("\0", ""));
                            sub += 8 + len + (len & 1);
                        }
                    }
                }
                default -> {
                }
            }
            at = (int) (body + size + (size & 1));
        }
        if (data == null) {
            throw new IllegalArgumentException("no data chunk");
        }
        return new RiffWave(channels, rate, bits, data, info);
    }

    /** The number of sample frames. */
    int frames() {
        return data.length / (channels * bits / 8);
    }

    /** The first and last frame where two files of the same format differ, or null when they are identical. */
    static long[] differingFrames(RiffWave a, RiffWave b) {
        if (a.channels != b.channels || a.bits != b.bits || a.data.length != b.data.length) {
            throw new IllegalArgumentException("different formats or lengths: " + a.frames() + " vs " + b.frames());
        }
        int frame = a.channels * a.bits / 8;
        long first = -1, last = -1;
        for (int i = 0; i < a.data.length; i++) {
            if (a.data[i] != b.data[i]) {
                long f = i / frame;
                if (first < 0) {
                    first = f;
                }
                last = f;
            }
        }
        return first < 0 ? null : new long[]{first, last};
    }

    private static String ascii(byte[] file, int at, int n) {
        return new String(file, at, n, StandardCharsets.US_ASCII);
    }
}
