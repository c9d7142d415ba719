package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * The deliverable container: the source's picture and original audio stream-copied (never
 * re-encoded), plus one dubbed track per language copied from its 24-bit PCM mix, each tagged with
 * its ISO 639-2 language and a title; the container says it holds AI-generated dialogue and names
 * the manifest. Matroska, because it carries PCM as is (no lossy re-encode of the mixes) next to
 * any source codec, and keeps per-track language and title tags.
 */
public final class Assembler {

    /** One dubbed track: its mix file, ISO 639-2/B language code and title. */
    public record DubTrack(Path mix, String language, String title) {
    }

    private Assembler() {
    }

    public static void assemble(Path source, String originalLanguage, List<DubTrack> dubs, String manifestName, Path out)
            throws MixException {
        assemble(source, originalLanguage, dubs, manifestName, out, false);
    }

    /**
     * As above; {@code pictureAltered}: the source's picture has lip-synced shots (an on-screen performance
     * altered by a model), which the container's tags then say too ({@code AI_ALTERED_PICTURE}).
     */
    public static void assemble(Path source, String originalLanguage, List<DubTrack> dubs, String manifestName, Path out,
                                boolean pictureAltered) throws MixException {
        List<AVFormatContext> inputs = new ArrayList<>();
        AVFormatContext output = new AVFormatContext(null);
        try {
            inputs.add(open(source));
            for (DubTrack d : dubs) {
                inputs.add(open(d.mix()));
            }
            check(avformat_alloc_output_context2(output, null, "matroska", out.toString()), "create the output");
            // map[input][stream] = output stream index, -1 when not carried
            int[][] map = new int[inputs.size()][];
            AVFormatContext src = inputs.get(0);
            map[0] = new int[src.nb_streams()];
            boolean audioTagged = false;
            for (int s = 0; s < src.nb_streams(); s++) {
                AVStream in = src.streams(s);
                int type = in.codecpar().codec_type();
                if (type != AVMEDIA_TYPE_VIDEO && type != AVMEDIA_TYPE_AUDIO) {
                    map[0][s] = -1;
                    continue;
                }
                AVStream st = copyStream(output, in);
                if (type == AVMEDIA_TYPE_AUDIO && !audioTagged) {
                    // "und" keeps whatever language the source itself declares
                    AVDictionaryEntry own = in.metadata() == null || in.metadata().isNull() ? null
                            : av_dict_get(in.metadata(), "language", null, 0);
                    tag(st, "und".equals(originalLanguage) && own != null ? own.value().getString() : originalLanguage,
                            "Original");
                    audioTagged = true;
                }
                map[0][s] = st.index();
            }
            for (int i = 0; i < dubs.size(); i++) {
                AVFormatContext dub = inputs.get(i + 1);
                map[i + 1] = new int[dub.nb_streams()];
                java.util.Arrays.fill(map[i + 1], -1);
                AVStream st = copyStream(output, dub.streams(0));
                st.disposition(AV_DISPOSITION_DUB);
                tag(st, dubs.get(i).language(), dubs.get(i).title());
                map[i + 1][0] = st.index();
            }
            AVDictionary meta = dictionary(output.metadata());
            av_dict_set(meta, "comment", (pictureAltered ? "Contains AI-generated dialogue and an AI-altered picture "
                    + "(lip-synced mouths)" : "Contains AI-generated dialogue (synthetic voices)") + "; provenance in "
                    + manifestName, 0);
            av_dict_set(meta, "AI_GENERATED_DIALOGUE", "true", 0);
            if (pictureAltered) {
                av_dict_set(meta, "AI_ALTERED_PICTURE", "true", 0);
            }
            av_dict_set(meta, "DUBGATE_MANIFEST", manifestName, 0);
            output.metadata(meta);
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, out.toString(), AVIO_FLAG_WRITE), "open " + out.getFileName());
            output.pb(io);
            check(avformat_write_header(output, (AVDictionary) null), "write the header");
            // merge the inputs by time, one pending packet per input: memory stays flat however long the film
            AVPacket[] next = new AVPacket[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                next[i] = readNext(inputs.get(i), map[i]);
            }
            while (true) {
                int pick = -1;
                double best = Double.MAX_VALUE;
                for (int i = 0; i < next.length; i++) {
                    if (next[i] != null) {
                        double t = seconds(next[i], inputs.get(i).streams(next[i].stream_index()));
                        if (t < best) {
                            best = t;
                            pick = i;
                        }
                    }
                }
                if (pick < 0) {
                    break;
                }
                AVPacket p = next[pick];
                AVStream from = inputs.get(pick).streams(p.stream_index());
                int target = map[pick][p.stream_index()];
                av_packet_rescale_ts(p, from.time_base(), output.streams(target).time_base());
                p.stream_index(target);
                p.pos(-1);
                check(av_interleaved_write_frame(output, p), "write a packet");
                av_packet_free(p);
                next[pick] = readNext(inputs.get(pick), map[pick]);
            }
            check(av_write_trailer(output), "finish the file");
        } finally {
            if (output.pb() != null && !output.pb().isNull()) {
                avio_closep(output.pb());
            }
            avformat_free_context(output);
            for (AVFormatContext in : inputs) {
                avformat_close_input(in);
            }
        }
    }

    /** The input's next packet of a carried stream, or null at its end. */
    private static AVPacket readNext(AVFormatContext in, int[] map) throws MixException {
        AVPacket p = av_packet_alloc();
        int ret;
        while ((ret = av_read_frame(in, p)) >= 0) {
            if (p.stream_index() < map.length && map[p.stream_index()] >= 0) {
                return p;
            }
            av_packet_unref(p);
        }
        av_packet_free(p);
        if (ret != AVERROR_EOF) {
            check(ret, "read an input");
        }
        return null;
    }

    private static double seconds(AVPacket p, AVStream st) {
        long ts = p.dts() != AV_NOPTS_VALUE ? p.dts() : p.pts();
        return ts == AV_NOPTS_VALUE ? 0 : ts * av_q2d(st.time_base());
    }

    private static AVFormatContext open(Path file) throws MixException {
        AVFormatContext ctx = new AVFormatContext(null);
        check(avformat_open_input(ctx, file.toString(), null, null), "open " + file.getFileName());
        check(avformat_find_stream_info(ctx, (PointerPointer<?>) null), "read " + file.getFileName());
        return ctx;
    }

    private static AVStream copyStream(AVFormatContext output, AVStream in) throws MixException {
        AVStream st = avformat_new_stream(output, null);
        check(avcodec_parameters_copy(st.codecpar(), in.codecpar()), "copy stream parameters");
        st.codecpar().codec_tag(0);
        st.time_base(in.time_base());
        return st;
    }

    /** An existing metadata dictionary, or an empty handle av_dict_set can fill (it must never get NULL). */
    private static AVDictionary dictionary(AVDictionary existing) {
        return existing == null || existing.isNull() ? new AVDictionary(null) : existing;
    }

    private static void tag(AVStream st, String language, String title) {
        AVDictionary meta = dictionary(st.metadata());
        av_dict_set(meta, "language", language, 0);
        av_dict_set(meta, "title", title, 0);
        st.metadata(meta);
    }

    private static void check(int ret, String what) throws MixException {
        if (ret < 0) {
            byte[] buf = new byte[AV_ERROR_MAX_STRING_SIZE];
            av_strerror(ret, buf, buf.length);
            int n = 0;
            while (n < buf.length && buf[n] != 0) {
                n++;
            }
            throw new MixException("cannot " + what + ": " + new String(buf, 0, n));
        }
    }
}
