package org.dubgate.media.probe;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.dubgate.media.probe.MediaProber.errorText;

/**
 * Reads every packet of an opened file (demuxing only, cheap, constant memory) and decodes two
 * stretches of each audio and video stream: from its start until it yields one frame (so a file
 * with headers and no decodable frame is caught, whatever its length), and the last
 * {@value MediaProber#TAIL_DECODE_SECONDS} seconds from the key frame there with FFmpeg's
 * "explode" error detection, so a stream cut mid-packet is reported rather than concealed.
 */
final class IntegrityCheck {

    /** Where a stream's decoding is: looking for its first frame, waiting for the tail, or checking the tail. */
    private enum Phase { HEAD, IDLE, TAIL }

    private IntegrityCheck() {
    }

    /** Returns how far the packets reach, in seconds from the container's start. */
    static double verify(Path file, AVFormatContext ctx, MediaProbe probe) throws ProbeException {
        int n = ctx.nb_streams();
        double tailStart = probe.durationSeconds() > 0 ? probe.durationSeconds() - MediaProber.TAIL_DECODE_SECONDS : 0;
        AVCodecContext[] decoders = new AVCodecContext[n];
        Phase[] phase = new Phase[n];
        long[] frames = new long[n];
        long mediaPackets = 0;
        double[] streamEnd = new double[n];
        AVPacket pkt = av_packet_alloc();
        AVFrame frame = av_frame_alloc();
        try {
            for (int i = 0; i < n; i++) {
                decoders[i] = openCheckingDecoder(ctx.streams(i));
                phase[i] = Phase.HEAD;
            }
            int ret;
            while ((ret = av_read_frame(ctx, pkt)) >= 0) {
                try {
                    int s = pkt.stream_index();
                    AVStream st = ctx.streams(s);
                    double t = seconds(pkt.pts() != AV_NOPTS_VALUE ? pkt.pts() : pkt.dts(), st);
                    if (!Double.isNaN(t)) {
                        streamEnd[s] = Math.max(streamEnd[s], t + Math.max(0, pkt.duration()) * av_q2d(st.time_base()));
                    }
                    if (isMedia(st)) {
                        mediaPackets++;
                    }
                    if (decoders[s] == null) {
                        continue;
                    }
                    if (phase[s] != Phase.TAIL && (Double.isNaN(t) || t >= tailStart) && (pkt.flags() & AV_PKT_FLAG_KEY) != 0) {
                        avcodec_flush_buffers(decoders[s]); // what the head left in the decoder is not the tail's past
                        phase[s] = Phase.TAIL;
                    }
                    if (phase[s] == Phase.TAIL) {
                        frames[s] += decode(file, decoders[s], pkt, frame, st, t);
                    } else if (phase[s] == Phase.HEAD) {
                        frames[s] += decodeLeniently(decoders[s], pkt, frame);
                        phase[s] = frames[s] > 0 ? Phase.IDLE : Phase.HEAD;
                    }
                } finally {
                    av_packet_unref(pkt);
                }
            }
            if (ret != AVERROR_EOF) {
                throw new ProbeException(file, ProbeException.Reason.CORRUPT,
                        "read error at byte " + avio_tell(ctx.pb()) + " (" + errorText(ret) + ")");
            }
            for (int s = 0; s < n; s++) {
                if (phase[s] == Phase.TAIL) {
                    frames[s] += decode(file, decoders[s], null, frame, ctx.streams(s), Double.NaN);
                } else if (phase[s] == Phase.HEAD && decoders[s] != null) {
                    frames[s] += decodeLeniently(decoders[s], null, frame);
                }
            }
            double reached = checkDeclaredDuration(file, ctx, probe, streamEnd);
            requireAFrame(file, ctx, decoders, frames, mediaPackets);
            return reached;
        } finally {
            for (AVCodecContext dec : decoders) {
                if (dec != null) {
                    avcodec_free_context(dec);
                }
            }
            av_frame_free(frame);
            av_packet_free(pkt);
        }
    }

    private static boolean isMedia(AVStream st) {
        int type = st.codecpar().codec_type();
        return type == AVMEDIA_TYPE_AUDIO || type == AVMEDIA_TYPE_VIDEO;
    }

    /** Headers that declare streams are not media: at least one audio or video frame must decode. */
    private static void requireAFrame(Path file, AVFormatContext ctx, AVCodecContext[] decoders, long[] frames,
                                      long mediaPackets) throws ProbeException {
        if (mediaPackets == 0) {
            throw new ProbeException(file, ProbeException.Reason.EMPTY, "no audio or video data: the file holds headers only");
        }
        List<String> undecodable = new ArrayList<>();
        for (int s = 0; s < decoders.length; s++) {
            if (frames[s] > 0) {
                return;
            }
            if (isMedia(ctx.streams(s))) {
                undecodable.add(avcodec_get_name(ctx.streams(s).codecpar().codec_id()).getString()
                        + (decoders[s] == null ? " (no decoder here)" : ""));
            }
        }
        throw new ProbeException(file, ProbeException.Reason.CORRUPT, mediaPackets + " audio/video packets but not one "
                + "decodable frame (" + String.join(", ", undecodable) + ")");
    }

    private static AVCodecContext openCheckingDecoder(AVStream st) {
        AVCodecParameters par = st.codecpar();
        if (par.codec_type() != AVMEDIA_TYPE_AUDIO && par.codec_type() != AVMEDIA_TYPE_VIDEO) {
            return null;
        }
        AVCodec codec = avcodec_find_decoder(par.codec_id());
        if (codec == null || codec.isNull()) {
            return null;
        }
        AVCodecContext dec = avcodec_alloc_context3(codec);
        if (avcodec_parameters_to_context(dec, par) < 0) {
            avcodec_free_context(dec);
            return null;
        }
        dec.err_recognition(AV_EF_EXPLODE | AV_EF_BITSTREAM | AV_EF_BUFFER);
        dec.thread_count(1);
        if (avcodec_open2(dec, codec, (AVDictionary) null) < 0) {
            avcodec_free_context(dec);
            return null;
        }
        return dec;
    }

    /** Sends one packet (or null to drain) and pulls every frame, failing on damaged data; returns the frames. */
    private static int decode(Path file, AVCodecContext dec, AVPacket pkt, AVFrame frame, AVStream st, double t)
            throws ProbeException {
        int ret = avcodec_send_packet(dec, pkt);
        if (ret < 0 && ret != AVERROR_EOF) {
            throw damaged(file, st, t, ret);
        }
        int frames = 0;
        while ((ret = avcodec_receive_frame(dec, frame)) >= 0) {
            frames++;
            av_frame_unref(frame);
        }
        if (ret != AVERROR_EAGAIN() && ret != AVERROR_EOF) {
            throw damaged(file, st, t, ret);
        }
        return frames;
    }

    /** The head: any frame counts, and a packet that does not decode (no reference yet) is no verdict. */
    private static int decodeLeniently(AVCodecContext dec, AVPacket pkt, AVFrame frame) {
        if (avcodec_send_packet(dec, pkt) < 0) {
            return 0;
        }
        int frames = 0;
        while (avcodec_receive_frame(dec, frame) >= 0) {
            frames++;
            av_frame_unref(frame);
        }
        return frames;
    }

    private static ProbeException damaged(Path file, AVStream st, double t, int ret) {
        String at = Double.isNaN(t) ? "at its end" : String.format("at %.2f s", t - startSeconds(st));
        return new ProbeException(file, ProbeException.Reason.TRUNCATED, "stream " + st.index()
                + " has damaged data " + at + " (" + errorText(ret) + "): the file is cut short or corrupt");
    }

    /** Returns how far the packets reach, in seconds from the container's start. */
    private static double checkDeclaredDuration(Path file, AVFormatContext ctx, MediaProbe probe, double[] streamEnd)
            throws ProbeException {
        double start = ctx.start_time() == AV_NOPTS_VALUE ? 0 : ctx.start_time() / (double) AV_TIME_BASE;
        double reached = 0;
        for (double end : streamEnd) {
            reached = Math.max(reached, end - start);
        }
        // Only a duration read from the header can disagree with the packets; an estimated one is derived from them.
        boolean fromHeader = ctx.duration_estimation_method() == AVFMT_DURATION_FROM_STREAM;
        if (fromHeader && probe.durationSeconds() > 0
                && reached + MediaProber.DECLARED_DURATION_TOLERANCE < probe.durationSeconds()) {
            throw new ProbeException(file, ProbeException.Reason.TRUNCATED, String.format(
                    "header declares %.2f s but the media stops at %.2f s: the file is cut short",
                    probe.durationSeconds(), reached));
        }
        return reached;
    }

    private static double seconds(long ts, AVStream st) {
        return ts == AV_NOPTS_VALUE ? Double.NaN : ts * av_q2d(st.time_base());
    }

    private static double startSeconds(AVStream st) {
        return st.start_time() == AV_NOPTS_VALUE ? 0 : st.start_time() * av_q2d(st.time_base());
    }
}
