package org.dubgate.media.qa;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JDK's WAV reader gives exactly the samples FFmpeg gives, so the audit's figures do not depend on the reader. */
class PcmWavBlocksTest {

    @TempDir
    Path tmp;

    @Test
    void sameSamplesAsFfmpeg() throws Exception {
        short[] s = new short[22050 * 2];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < s.length; i++) {
            s[i] = i % 997 == 0 ? Short.MIN_VALUE : (short) r.nextInt(-20000, 20000);
        }
        Path wav = TestMedia.wav(tmp.resolve("line.wav"), 22050, 2, s);
        List<Float> jdk = new ArrayList<>();
        List<Float> ffmpeg = new ArrayList<>();
        try (AudioBlocks a = WavBlocks.open(wav).orElseThrow()) {
            assertEquals(22050, a.sourceRate());
            assertEquals(2, a.sourceChannels());
            drain(a, jdk);
        }
        try (AudioBlocks b = new SampleStream(wav, "", "")) {
            drain(b, ffmpeg);
        }
        assertEquals(s.length, jdk.size());
        assertEquals(ffmpeg, jdk);
        assertTrue(WavBlocks.open(tmp.resolve("line.flac")).isEmpty(), "not a WAV: FFmpeg's");
    }

    /** A WAV written to a pipe keeps a data size of 0 or 0xFFFFFFFF: FFmpeg reads it to the end, so FFmpeg reads it. */
    @Test
    void aDataSizeLeftUnwrittenIsLeftToFfmpeg() throws Exception {
        Path wav = TestMedia.wav(tmp.resolve("piped.wav"), 16_000, 1, new short[1_600]);
        byte[] bytes = java.nio.file.Files.readAllBytes(wav);
        for (int size : new int[]{0, -1}) {
            java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, size);
            java.nio.file.Files.write(wav, bytes);
            assertTrue(WavBlocks.open(wav).isEmpty(), "data size " + Integer.toUnsignedString(size));
        }
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(40, 3_200);
        assertTrue(WavBlocks.open(java.nio.file.Files.write(wav, bytes)).isPresent(), "sized as written");
    }

    private static void drain(AudioBlocks in, List<Float> into) throws QaException {
        FloatBuffer b;
        while ((b = in.next()) != null) {
            while (b.hasRemaining()) {
                into.add(b.get());
            }
        }
    }
}
