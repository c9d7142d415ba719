package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacpp.PointerPointer;
import org.dubgate.media.TestMedia;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;

/** Test sources and the decoded-picture evidence the lip-sync tests compare. */
final class LipSyncMedia {

    private LipSyncMedia() {
    }

    static Path grid(String name) {
        return TestMedia.testdata().resolve("grid").resolve(name + ".mpg");
    }

    /**
     * GRID clips one after the other re-encoded as MPEG-2 with 2 B-frames between anchors and open GOPs of 12
     * (FFmpeg's MPEG-2 encoder leaves GOPs open unless told otherwise): the GRID files themselves carry only I and
     * P frames, so they cannot show what open GOPs do to a splice. MP2 audio, Matroska, 25 fps.
     */
    static Path openGopReel(List<String> clips, Path file) throws Exception {
        return reel(clips, AV_CODEC_ID_MPEG2VIDEO, file);
    }

    /** The same with another codec: MPEG-4 Part 2 in Matroska keeps its VOL header in the container (global header). */
    static Path reel(List<String> clips, int codec, Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 360, 288, 2)) {
            r.setFormat("matroska"); // MPEG-PS leaves B-frames without presentation times
            r.setVideoCodec(codec);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(25);
            r.setGopSize(12);
            r.setVideoBitrate(1_500_000);
            r.setVideoOption("bf", "2");
            r.setAudioCodec(AV_CODEC_ID_MP2);
            r.setSampleRate(44_100);
            r.setAudioBitrate(192_000);
            r.start();
            for (String c : clips) {
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(grid(c).toFile())) {
                    g.start();
                    Frame f;
                    while ((f = g.grab()) != null) {
                        if (f.image != null) {
                            r.record(f);
                        } else if (f.samples != null) {
                            r.recordSamples(f.sampleRate, f.audioChannels, f.samples);
                        }
                    }
                }
            }
            r.stop();
        }
        return file;
    }

    /** One decoded frame: its presentation time and its BGR pixels. */
    record Picture(long timestampMicros, byte[] bgr, int width, int height) {
        String hash() throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bgr));
        }
    }

    /** Every frame decoded as BGR (small test clips only: a 3 s GRID clip is 23 MB of BGR). */
    static List<Picture> frames(Path file) throws Exception {
        List<Picture> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                ByteBuffer b = (ByteBuffer) f.image[0];
                int stride = f.imageStride;
                byte[] px = new byte[f.imageWidth * f.imageHeight * 3];
                for (int y = 0; y < f.imageHeight; y++) {
                    b.position(y * stride);
                    b.get(px, y * f.imageWidth * 3, f.imageWidth * 3);
                }
                out.add(new Picture(f.timestamp, px, f.imageWidth, f.imageHeight));
            }
        }
        return out;
    }

    /** Hashes of every packet of the file's audio streams, in order, with their stream's position among audio streams. */
    static List<String> audioPackets(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        AVFormatContext ctx = new AVFormatContext(null);
        if (avformat_open_input(ctx, file.toString(), null, null) < 0) {
            throw new IllegalStateException("cannot open " + file);
        }
        avformat_find_stream_info(ctx, (PointerPointer<?>) null);
        AVPacket p = av_packet_alloc();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        while (av_read_frame(ctx, p) >= 0) {
            if (ctx.streams(p.stream_index()).codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
                byte[] b = new byte[p.size()];
                p.data().get(b);
                out.add(HexFormat.of().formatHex(sha.digest(b)));
            }
            av_packet_unref(p);
        }
        av_packet_free(p);
        avformat_close_input(ctx);
        return out;
    }

    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xff) - (b[i] & 0xff);
            se += d * d;
        }
        double mse = se / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    /** Mean absolute difference inside ({@code inside}) or outside a box {x, y, w, h}. */
    static double meanAbsDiff(Picture a, Picture b, PixelBox box, boolean inside) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                boolean in = x >= box.x() && x < box.x() + box.width() && y >= box.y() && y < box.y() + box.height();
                if (in != inside) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int i = (y * a.width() + x) * 3 + c;
                    sum += Math.abs((a.bgr()[i] & 0xff) - (b.bgr()[i] & 0xff));
                    n++;
                }
            }
        }
        return sum / n;
    }
}
