package org.dubgate.media.probe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * WAV files whose header and body disagree. FFmpeg alone probes a WAV that promises 100 MB and holds
 * nothing as a valid file of 0 s; the prober compares what the header declares with what is there.
 */
class WavProbeTest {

    private static final int RATE = 48_000;

    @TempDir
    Path tmp;

    private final MediaProber prober = new MediaProber();

    /** A RIFF/WAVE file: {@code fmt} (format tag, channels, bits), optional chunks around {@code data}. */
    private static byte[] wav(int formatTag, int channels, int bits, long declaredData, int actualData,
                              byte[] chunksBefore, byte[] chunksAfter) {
        int blockAlign = channels * bits / 8;
        ByteBuffer fmt;
        if (formatTag == 0xFFFE) { // WAVE_FORMAT_EXTENSIBLE, sub-format PCM
            fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
            fmt.putShort((short) 0xFFFE).putShort((short) channels).putInt(RATE).putInt(RATE * blockAlign)
                    .putShort((short) blockAlign).putShort((short) bits).putShort((short) 22).putShort((short) bits)
                    .putInt(channels == 2 ? 3 : 4).putInt(1).putShort((short) 0).putShort((short) 0x10)
                    .put(new byte[]{(byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
        } else {
            fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            fmt.putShort((short) formatTag).putShort((short) channels).putInt(RATE).putInt(RATE * blockAlign)
                    .putShort((short) blockAlign).putShort((short) bits);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes());
        body.writeBytes(chunk("fmt ", fmt.array()));
        body.writeBytes(chunksBefore);
        body.writeBytes("data".getBytes());
        body.writeBytes(le32(declaredData));
        body.writeBytes(tone(actualData, bits, formatTag == 3));
        body.writeBytes(chunksAfter);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("RIFF".getBytes());
        file.writeBytes(le32(Math.min(0xFFFFFFFFL, body.size() - actualData + declaredData)));
        file.writeBytes(body.toByteArray());
        return file.toByteArray();
    }

    private static byte[] pcm16(long declared, int actual) {
        return wav(1, 2, 16, declared, actual, new byte[0], new byte[0]);
    }

    private static byte[] chunk(String id, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes());
        out.writeBytes(le32(payload.length));
        out.writeBytes(payload);
        if (payload.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] le32(long v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array();
    }

    /** A quiet 440 Hz tone, so decoders have real samples. */
    private static byte[] tone(int bytes, int bits, boolean floating) {
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; b.remaining() >= bits / 8; i++) {
            double v = 0.1 * Math.sin(2 * Math.PI * 440 * (i / 2) / RATE);
            if (floating) {
                b.putFloat((float) v);
            } else if (bits == 24) {
                int s = (int) (v * 8_388_607);
                b.put((byte) s).put((byte) (s >> 8)).put((byte) (s >> 16));
            } else {
                b.putShort((short) (v * 32_767));
            }
        }
        return b.array();
    }

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(tmp.resolve(name), bytes);
    }

    private ProbeException refused(byte[] bytes) throws Exception {
        Path f = file("refused.wav", bytes);
        return assertThrows(ProbeException.class, () -> prober.probe(f));
    }

    @Test
    void headerPromisingFarMoreThanTheFileHoldsIsTruncated() throws Exception {
        for (int actual : new int[]{0, 1_000, 3 * RATE * 4}) {
            ProbeException e = refused(pcm16(100_000_000, actual));
            assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
            assertTrue(e.detail().startsWith("the header declares 520.83 s of audio (100000000 bytes) but the file holds "),
                    e.detail());
            assertTrue(e.detail().endsWith("the file is cut short"), e.detail());
        }
    }

    @Test
    void wavWithNoAudioDataIsEmpty() throws Exception {
        ProbeException e = refused(pcm16(0, 0));
        assertEquals(ProbeException.Reason.EMPTY, e.reason(), e.getMessage());
        assertEquals("no audio or video data: the file holds headers only", e.detail());
    }

    @Test
    void wholeWavIsReadyWithItsDuration() throws Exception {
        MediaProbe probe = prober.probe(file("whole.wav", pcm16(3 * RATE * 4, 3 * RATE * 4)));
        assertEquals(3.0, probe.durationSeconds(), 0.001);
    }

    @Test
    void chunksBeforeAndAfterTheDataAreNoCause() throws Exception {
        byte[] bext = chunk("bext", new byte[602]);
        byte[] list = chunk("LIST", "INFOISFT\u0005\0\0\0dub!\0".getBytes());
        MediaProbe probe = prober.probe(file("bwf.wav", wav(1, 2, 16, RATE * 4, RATE * 4, bext, list)));
        assertEquals(1.0, probe.durationSeconds(), 0.001);
        ProbeException e = refused(wav(1, 2, 16, 10 * RATE * 4, RATE * 4, bext, new byte[0]));
        assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
    }

    @Test
    void floatAndExtensibleWavsAreCheckedToo() throws Exception {
        assertEquals(1.0, prober.probe(file("float.wav", wav(3, 2, 32, RATE * 8, RATE * 8, new byte[0], new byte[0])))
                .durationSeconds(), 0.001);
        assertEquals(1.0, prober.probe(file("ext.wav", wav(0xFFFE, 2, 24, RATE * 6, RATE * 6, new byte[0], new byte[0])))
                .durationSeconds(), 0.001);
        assertEquals(ProbeException.Reason.TRUNCATED,
                refused(wav(3, 2, 32, 60L * RATE * 8, RATE * 8, new byte[0], new byte[0])).reason());
        assertEquals(ProbeException.Reason.TRUNCATED,
                refused(wav(0xFFFE, 2, 24, 60L * RATE * 6, RATE * 6, new byte[0], new byte[0])).reason());
    }

    @Test
    void streamedWavOfUnstatedLengthIsReadToItsEnd() throws Exception {
        // written to a pipe, a WAV cannot go back to fill in its sizes: 0xFFFFFFFF means "unknown", not "4 GiB"
        MediaProbe probe = prober.probe(file("piped.wav", pcm16(0xFFFFFFFFL, 2 * RATE * 4)));
        assertEquals(2.0, probe.durationSeconds(), 0.01);
    }
}
