package org.dubgate.media.probe;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * Probes a media file with FFmpeg and checks that it is whole.
 *
 * <p>Opening a file only reads its header, which a truncated upload still has. So the prober also
 * reads every packet and decodes the start and the last {@value #TAIL_DECODE_SECONDS} seconds of
 * each audio and video stream ({@link IntegrityCheck}): a stream cut mid-packet, packets that stop
 * short of the declared duration, and a file with no decodable frame at all are refused. A WAV's
 * header is also held against the file's size ({@link WavHeader}), and an Ogg file must end with a
 * whole end-of-stream page ({@link OggTail}), which FFmpeg does not check.
 *
 * <p>Untrusted uploads are opened with a whitelist of demuxers and the {@code file} protocol only:
 * playlist formats (HLS, concat) could otherwise make FFmpeg read other local files.
 */
public final class MediaProber {

    /** Demuxers accepted for uploads: real audio/video containers, no playlists or image sequences. */
    public static final String DEMUXER_WHITELIST = String.join(",",
            "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "mpeg", "mpegts", "mpegvideo", "avi", "mxf", "asf",
            "flv", "wav", "w64", "aiff", "caf", "flac", "mp3", "ogg", "aac", "ac3", "eac3", "dts", "truehd",
            "m4v", "h264", "hevc", "rawvideo", "s16le", "s24le", "f32le", "dv", "gxf", "wv", "ape");

    /**
     * A JavaCV grabber of {@code file} held to the same whitelists as the prober, for every reader of
     * media: no playlist or reference in a file can make FFmpeg read other files or the network.
     */
    public static org.bytedeco.javacv.FFmpegFrameGrabber confinedGrabber(Path file) {
        org.bytedeco.javacv.FFmpegFrameGrabber grabber = new org.bytedeco.javacv.FFmpegFrameGrabber(file.toFile());
        grabber.setOption("format_whitelist", DEMUXER_WHITELIST);
        grabber.setOption("protocol_whitelist", "file");
        return grabber;
    }

    static final double TAIL_DECODE_SECONDS = 5.0;
    /** Header-declared duration may exceed what the packets reach by this much before we call it cut. */
    static final double DECLARED_DURATION_TOLERANCE = 0.5;

    static {
        // FFmpeg's own log goes to stderr, which inside a server is noise; failures are reported by us.
        av_log_set_level(AV_LOG_QUIET);
    }

    public MediaProbe probe(Path file) throws ProbeException {
        checkReadable(file);
        AVFormatContext ctx = new AVFormatContext(null);
        AVDictionary options = new AVDictionary(null);
        av_dict_set(options, "format_whitelist", DEMUXER_WHITELIST, 0);
        av_dict_set(options, "protocol_whitelist", "file", 0);
        try {
            int ret = avformat_open_input(ctx, file.toAbsolutePath().toString(), null, options);
            if (ret < 0) {
                throw new ProbeException(file, ProbeException.Reason.NOT_MEDIA,
                        "not a recognised audio or video file (" + errorText(ret) + ")");
            }
            try {
                ret = avformat_find_stream_info(ctx, (PointerPointer<?>) null);
                if (ret < 0) {
                    throw new ProbeException(file, ProbeException.Reason.CORRUPT,
                            "stream information unreadable (" + errorText(ret) + ")");
                }
                MediaProbe declared = describe(file, ctx);
                if (declared.videoStreams().isEmpty() && declared.audioStreams().isEmpty()) {
                    throw new ProbeException(file, ProbeException.Reason.NOT_MEDIA, "no audio or video stream");
                }
                if (declared.container().equals("wav")) {
                    WavHeader.check(file, declared.sizeBytes());
                }
                if (declared.container().equals("ogg")) {
                    OggTail.check(file, declared.sizeBytes());
                }
                double reached = IntegrityCheck.verify(file, ctx, declared);
                // An estimated duration (MPEG-PS/TS have none in a header) is replaced by what the packets reach.
                boolean estimated = ctx.duration_estimation_method() != AVFMT_DURATION_FROM_STREAM;
                return estimated && reached > declared.durationSeconds()
                        ? new MediaProbe(declared.container(), declared.containerLongName(), reached,
                                declared.bitRate(), declared.sizeBytes(), declared.streams())
                        : declared;
            } finally {
                avformat_close_input(ctx);
            }
        } finally {
            av_dict_free(options);
        }
    }

    private static void checkReadable(Path file) throws ProbeException {
        if (!Files.exists(file)) {
            throw new ProbeException(file, ProbeException.Reason.MISSING, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ProbeException(file, ProbeException.Reason.UNREADABLE, "not a readable regular file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new ProbeException(file, ProbeException.Reason.EMPTY, "file is empty");
            }
        } catch (IOException e) {
            throw new ProbeException(file, ProbeException.Reason.UNREADABLE, "cannot read size: " + e.getMessage());
        }
    }

    private static MediaProbe describe(Path file, AVFormatContext ctx) throws ProbeException {
        List<StreamInfo> streams = new ArrayList<>();
        for (int i = 0; i < ctx.nb_streams(); i++) {
            streams.add(describe(ctx.streams(i)));
        }
        double duration = ctx.duration() == AV_NOPTS_VALUE ? 0 : ctx.duration() / (double) AV_TIME_BASE;
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ProbeException(file, ProbeException.Reason.UNREADABLE, "cannot read size: " + e.getMessage());
        }
        return new MediaProbe(ctx.iformat().name().getString(), ctx.iformat().long_name().getString(),
                duration, Math.max(0, ctx.bit_rate()), size, streams);
    }

    private static StreamInfo describe(AVStream st) {
        AVCodecParameters par = st.codecpar();
        String codec = avcodec_get_name(par.codec_id()).getString();
        Optional<String> language = metadata(st.metadata(), "language").filter(l -> !l.equals("und"));
        double duration = st.duration() == AV_NOPTS_VALUE ? 0 : st.duration() * av_q2d(st.time_base());
        return switch (par.codec_type()) {
            case AVMEDIA_TYPE_VIDEO -> new StreamInfo.Video(st.index(), codec, language, duration,
                    par.width(), par.height(), frameRate(st));
            case AVMEDIA_TYPE_AUDIO -> new StreamInfo.Audio(st.index(), codec, language, duration,
                    par.sample_rate(), par.ch_layout().nb_channels(), channelLayout(par));
            default -> new StreamInfo.Other(st.index(), mediaType(par.codec_type()), codec, language, duration);
        };
    }

    private static double frameRate(AVStream st) {
        AVRational rate = st.avg_frame_rate().num() > 0 ? st.avg_frame_rate() : st.r_frame_rate();
        return rate.den() == 0 ? 0 : av_q2d(rate);
    }

    private static String channelLayout(AVCodecParameters par) {
        byte[] buf = new byte[64];
        return av_channel_layout_describe(par.ch_layout(), buf, buf.length) < 0 ? "unknown" : cString(buf);
    }

    private static String mediaType(int type) {
        BytePointer name = av_get_media_type_string(type);
        return name == null || name.isNull() ? "unknown" : name.getString();
    }

    private static Optional<String> metadata(AVDictionary dict, String key) {
        if (dict == null || dict.isNull()) {
            return Optional.empty();
        }
        AVDictionaryEntry entry = av_dict_get(dict, key, null, 0);
        return entry == null || entry.isNull() ? Optional.empty() : Optional.of(entry.value().getString());
    }

    static String errorText(int err) {
        byte[] buf = new byte[AV_ERROR_MAX_STRING_SIZE];
        av_strerror(err, buf, buf.length);
        return cString(buf);
    }

    private static String cString(byte[] buf) {
        int end = 0;
        while (end < buf.length && buf[end] != 0) {
            end++;
        }
        return new String(buf, 0, end, java.nio.charset.StandardCharsets.UTF_8);
    }
}
