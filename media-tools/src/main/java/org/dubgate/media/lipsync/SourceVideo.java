package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * The source opened for one pass with FFmpeg's own API (JavaCV's grabber hides packets, and GOP splicing needs
 * them): its demuxer, its video stream and a decoder for it. Packets are read in file order and handed out one
 * at a time; the decoder is fed only what a pass asks for.
 */
final class SourceVideo implements AutoCloseable {

    /** Receives decoded frames; the frame is the decoder's, valid only during the call. */
    interface FrameSink {
        void frame(AVFrame frame) throws LipSyncException;
    }

    /** Receives each packet in file order; {@code videoPacket} is its index among video packets, or -1. */
    interface PacketVisitor {
        void packet(AVPacket packet, int videoPacket) throws LipSyncException;
    }

    final Path file;
    final AVFormatContext format;
    final int video;
    final AVStream stream;
    final AVRational frameRate;
    private final AVCodecContext decoder;
    private final AVFrame frame = av_frame_alloc();

    private SourceVideo(Path file, AVFormatContext format, int video, AVCodecContext decoder) {
        this.file = file;
        this.format = format;
        this.video = video;
        this.stream = format.streams(video);
        AVRational r = stream.avg_frame_rate();
        this.frameRate = r.num() > 0 && r.den() > 0 ? r : stream.r_frame_rate();
        this.decoder = decoder;
    }

    static SourceVideo open(Path file) throws LipSyncException {
        AVFormatContext fmt = new AVFormatContext(null);
        if (avformat_open_input(fmt, file.toString(), null, null) < 0) {
            throw new LipSyncException(file.getFileName() + ": not a readable video");
        }
        AVCodecContext dec = null;
        try {
            if (avformat_find_stream_info(fmt, (PointerPointer<?>) null) < 0) {
                throw new LipSyncException(file.getFileName() + ": cannot read its stream information");
            }
            int v = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
            if (v < 0) {
                throw new LipSyncException(file.getFileName() + ": no video stream");
            }
            AVStream st = fmt.streams(v);
            AVCodec codec = avcodec_find_decoder(st.codecpar().codec_id());
            if (codec == null) {
                throw new LipSyncException(file.getFileName() + ": no decoder for its video codec "
                        + avcodec_get_name(st.codecpar().codec_id()).getString());
            }
            dec = avcodec_alloc_context3(codec);
            avcodec_parameters_to_context(dec, st.codecpar());
            dec.pkt_timebase(st.time_base());
            dec.thread_count(1); // the machine is shared; one decoding thread, as the benchmark's ffmpeg
            if (avcodec_open2(dec, codec, (AVDictionary) null) < 0) {
                throw new LipSyncException(file.getFileName() + ": cannot open its video decoder");
            }
            return new SourceVideo(file, fmt, v, dec);
        } catch (LipSyncException e) {
            if (dec != null) {
                avcodec_free_context(dec);
            }
            avformat_close_input(fmt);
            throw e;
        }
    }

    /** Reads every packet of the file in order, handing each to {@code visitor}; the packet is unreferenced after. */
    void readAll(PacketVisitor visitor) throws LipSyncException {
        AVPacket p = av_packet_alloc();
        try {
            int n = 0;
            while (av_read_frame(format, p) >= 0) {
                try {
                    visitor.packet(p, p.stream_index() == video ? n++ : -1);
                } finally {
                    av_packet_unref(p);
                }
            }
        } finally {
            av_packet_free(p);
        }
    }

    /** Decodes one packet (null: drain, then reset for a fresh start) and hands out every frame it yields. */
    void decode(AVPacket packet, FrameSink sink) throws LipSyncException {
        int r = avcodec_send_packet(decoder, packet);
        if (r < 0 && r != AVERROR_EOF) {
            throw new LipSyncException(file.getFileName() + ": cannot decode a video packet (error " + r + ")");
        }
        while (true) {
            r = avcodec_receive_frame(decoder, frame);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                break;
            }
            if (r < 0) {
                throw new LipSyncException(file.getFileName() + ": cannot decode a video frame (error " + r + ")");
            }
            try {
                if (frame.best_effort_timestamp() != AV_NOPTS_VALUE) {
                    frame.pts(frame.best_effort_timestamp());
                }
                sink.frame(frame);
            } finally {
                av_frame_unref(frame);
            }
        }
        if (packet == null) {
            avcodec_flush_buffers(decoder);
        }
    }

    int width() {
        return stream.codecpar().width();
    }

    int height() {
        return stream.codecpar().height();
    }

    int pixelFormat() {
        return decoder.pix_fmt() >= 0 ? decoder.pix_fmt() : stream.codecpar().format();
    }

    @Override
    public void close() {
        av_frame_free(frame);
        avcodec_free_context(decoder);
        avformat_close_input(format);
    }
}
