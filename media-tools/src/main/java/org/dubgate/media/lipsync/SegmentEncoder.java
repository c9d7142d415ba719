package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.util.Set;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * One closed run of GOPs encoded with the source's codec and parameters: size, pixel format, aspect, colour
 * tags, frame rate, GOP length and B-frames as the source has them, bit rate that of the packets it replaces
 * (so quality follows what the source spent there), closed GOPs and in-band headers (no global header: the
 * copied packets around it keep the container's, and the run carries its own). A fresh encoder per run, since
 * a drained encoder cannot start again. Packets come out with the source's own presentation times.
 */
final class SegmentEncoder implements AutoCloseable {

    /**
     * Codecs whose headers travel in the stream (sequence/VOL headers at key frames), so a run spliced between
     * copied GOPs decodes with the same decoder state: MPEG-1/2 video, MPEG-4 Part 2 and Motion JPEG. H.264 and
     * HEVC keep their parameter sets in the container header, which a run with its own parameter sets would
     * contradict; they are refused rather than spliced wrongly.
     */
    static final Set<Integer> SPLICEABLE = Set.of(AV_CODEC_ID_MPEG1VIDEO, AV_CODEC_ID_MPEG2VIDEO, AV_CODEC_ID_MPEG4,
            AV_CODEC_ID_MJPEG);

    private final AVCodecContext ctx;
    private long sent;
    private final AVPacket packet = av_packet_alloc();

    /** Checks that the source's codec can be re-encoded here at all; called before any pass. */
    static void checkEncodable(AVCodecParameters par, String file) throws LipSyncException {
        String name = avcodec_get_name(par.codec_id()).getString();
        AVCodec codec = avcodec_find_encoder(par.codec_id());
        if (codec == null) {
            throw new LipSyncException(file + ": no encoder for its video codec " + name
                    + " in this FFmpeg build: GOPs cannot be re-encoded");
        }
        if (!SPLICEABLE.contains(par.codec_id())) {
            throw new LipSyncException(file + ": video codec " + name + " is not supported for GOP splicing"
                    + " (supported: mpeg1video, mpeg2video, mpeg4, mjpeg)");
        }
    }

    SegmentEncoder(AVCodecParameters par, AVRational frameRate, long bitRate, int gop, int bFrames) throws LipSyncException {
        AVCodec codec = avcodec_find_encoder(par.codec_id());
        ctx = avcodec_alloc_context3(codec);
        ctx.width(par.width());
        ctx.height(par.height());
        ctx.pix_fmt(par.format());
        ctx.sample_aspect_ratio(par.sample_aspect_ratio());
        ctx.color_range(par.color_range());
        ctx.color_primaries(par.color_primaries());
        ctx.color_trc(par.color_trc());
        ctx.colorspace(par.color_space());
        ctx.chroma_sample_location(par.chroma_location());
        ctx.field_order(par.field_order());
        ctx.framerate(frameRate);
        ctx.time_base(av_inv_q(frameRate));
        ctx.bit_rate(bitRate);
        ctx.gop_size(Math.max(1, gop));
        ctx.max_b_frames(bFrames);
        ctx.flags(ctx.flags() | AV_CODEC_FLAG_CLOSED_GOP);
        ctx.thread_count(1);
        if (par.codec_id() == AV_CODEC_ID_MJPEG) {
            ctx.flags(ctx.flags() | AV_CODEC_FLAG_QSCALE);
            ctx.global_quality(FF_QP2LAMBDA * 3);
        }
        AVDictionary opts = new AVDictionary(null);
        // FFmpeg's MPEG encoders refuse closed GOPs together with scene-change key frames; the source's GOP
        // structure is what is wanted anyway, so scene-change detection is off
        av_dict_set(opts, "sc_threshold", "1000000000", 0);
        int r = avcodec_open2(ctx, codec, opts);
        if (r < 0) {
            av_dict_free(opts);
            avcodec_free_context(ctx);
            byte[] why = new byte[256];
            av_strerror(r, why, why.length);
            throw new LipSyncException("cannot open the " + codec.name().getString() + " encoder with the source's"
                    + " parameters (" + bitRate + " b/s, GOP " + gop + ", " + bFrames + " B-frames): " + new String(why).trim());
        }
        av_dict_free(opts);
    }

    /**
     * Encodes one frame (null: drain), the run's frames in display order; each packet out goes to {@code sink}
     * with its times in frames from the run's first frame.
     */
    void encode(AVFrame frame, PacketSink sink) throws LipSyncException {
        if (frame != null) {
            frame.pict_type(AV_PICTURE_TYPE_NONE); // the decoder's I/P/B would otherwise be forced on the encoder
            frame.flags(frame.flags() & ~1); // AV_FRAME_FLAG_KEY: not a forced key frame either
            frame.pts(sent++);
        }
        int r = avcodec_send_frame(ctx, frame);
        if (r < 0 && r != AVERROR_EOF) {
            throw new LipSyncException("the encoder refused a frame (error " + r + ")");
        }
        while (true) {
            r = avcodec_receive_packet(ctx, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                break;
            }
            if (r < 0) {
                throw new LipSyncException("the encoder failed (error " + r + ")");
            }
            try {
                sink.packet(packet, packet.pts(), packet.dts());
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    /** Receives encoded packets; pts/dts are in frames from the run's first frame (dts may be negative). */
    interface PacketSink {
        void packet(AVPacket p, long ptsFrames, long dtsFrames) throws LipSyncException;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(ctx);
    }
}
