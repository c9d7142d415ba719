package org.dubgate.it;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.dubgate.media.mix.PcmReader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads delivered media the way a studio's QC would: packet by packet and sample by sample, with FFmpeg. */
public final class MediaChecks {

    private MediaChecks() {
    }

    /** A 16-bit PCM WAV of a sine tone on every channel, made here so a test knows every sample. */
    public static byte[] toneWav(int rate, int channels, double seconds, double hertz, int amplitude) {
        int frames = (int) Math.round(rate * seconds);
        int bytes = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + bytes).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * channels * 2)
                .putShort((short) (channels * 2)).putShort((short) 16).put("data".getBytes()).putInt(bytes);
        for (int i = 0; i < frames; i++) {
            short v = (short) (amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
            for (int c = 0; c < channels; c++) {
                b.putShort(v);
            }
        }
        return b.array();
    }

    /** One second of grey MPEG-4 picture in MP4 with no sound at all. */
    public static Path silentVideo(Path out) throws Exception {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(out.toFile(), 160, 120, 0)) {
            r.setFormat("mp4");
            r.setVideoCodec(AV_CODEC_ID_MPEG4);
            r.setFrameRate(25);
            r.start();
            Frame grey = new Frame(160, 120, Frame.DEPTH_UBYTE, 3);
            java.nio.ByteBuffer pixels = (java.nio.ByteBuffer) grey.image[0];
            while (pixels.hasRemaining()) {
                pixels.put((byte) 128);
            }
            for (int i = 0; i < 25; i++) {
                pixels.rewind();
                r.record(grey);
            }
        }
        return out;
    }

    /** SHA-256 of every packet of the first video stream, in order. */
    public static List<String> videoPacketHashes(Path file) throws Exception {
        List<String> hashes = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        forEachPacket(file, AVMEDIA_TYPE_VIDEO, 0, data -> hashes.add(HexFormat.of().formatHex(sha.digest(data))));
        return hashes;
    }

    /** SHA-256 over the payload of the {@code n}th audio stream's packets, concatenated. */
    static String audioPayloadHash(Path file, int n) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        forEachPacket(file, AVMEDIA_TYPE_AUDIO, n, sha::update);
        return HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 of a WAV file's sample data. */
    static String wavDataHash(Path wav) throws Exception {
        byte[] bytes = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int pos = 12; pos + 8 <= bytes.length; ) {
            int size = b.getInt(pos + 4);
            if (new String(bytes, pos, 4).equals("data")) {
                int n = Math.min(size, bytes.length - pos - 8);
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(bytes, pos + 8, n);
                return HexFormat.of().formatHex(sha.digest());
            }
            pos += 8 + size + (size & 1);
        }
        return fail("no data chunk in " + wav);
    }

    /** The first {@code frames} frames of a file's first audio stream at 48 kHz, interleaved. */
    static float[] samples(Path file, String layout, int channels, int frames) throws Exception {
        float[] out = new float[frames * channels];
        try (PcmReader reader = new PcmReader(file, layout, channels)) {
            reader.read(out, frames);
        }
        return out;
    }

    private interface PacketData {
        void accept(byte[] data) throws Exception;
    }

    private static void forEachPacket(Path file, int mediaType, int nth, PacketData consumer) throws Exception {
        AVFormatContext ctx = new AVFormatContext(null);
        assertTrue(avformat_open_input(ctx, file.toString(), null, null) >= 0, "open " + file);
        try {
            avformat_find_stream_info(ctx, (PointerPointer<?>) null);
            int stream = -1;
            for (int i = 0, seen = 0; i < ctx.nb_streams(); i++) {
                if (ctx.streams(i).codecpar().codec_type() == mediaType && seen++ == nth) {
                    stream = i;
                    break;
                }
            }
            assertTrue(stream >= 0, "no such stream in " + file);
            AVPacket p = av_packet_alloc();
            while (av_read_frame(ctx, p) >= 0) {
                if (p.stream_index() == stream) {
                    byte[] data = new byte[p.size()];
                    p.data().get(data);
                    consumer.accept(data);
                }
                av_packet_unref(p);
            }
            av_packet_free(p);
        } finally {
            avformat_close_input(ctx);
        }
    }
}
