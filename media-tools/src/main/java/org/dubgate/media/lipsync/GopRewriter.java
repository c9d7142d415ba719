package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacpp.BytePointer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;

/**
 * The second decoding pass, which writes the altered file: every packet in file order is either copied as it
 * is (audio streams, video outside the splices) or, inside a {@link Splice}, decoded — its frames, mouths
 * re-drawn where a shot has a face ({@link MouthPainter}), go to a fresh encoder whose packets replace the
 * splice's. The key packet after a splice (and any of its GOP's packets decoded with it) is held back until the
 * run is drained, so the file stays in decode order. Matroska, as {@code mix.Assembler} writes and reads.
 *
 * <p>Decode timestamps: the run's are its encoder's, mapped onto the source's presentation times; where a
 * run meets copied packets a copied decode time earlier than the last written one is raised to it (Matroska
 * stores no decode times, so nothing in the file changes; the muxer only needs them not to go back).
 */
final class GopRewriter {

    private final SourceVideo in;
    private final VideoIndex index;
    private final List<Splice> splices;
    private final MouthPainter painter;
    private final AVFormatContext out = new AVFormatContext(null);
    private final int[] map;
    private final List<AVPacket> held = new ArrayList<>();
    private SegmentEncoder encoder;
    private long[] runPts = new long[64];
    private int runFrames;
    private long lastVideoDts = Long.MIN_VALUE;
    private int at;
    private boolean resendHeaders;
    int gopsReencoded;

    GopRewriter(SourceVideo in, VideoIndex index, List<Splice> splices, MouthPainter painter, Path file) throws LipSyncException {
        this.in = in;
        this.index = index;
        this.splices = splices;
        this.painter = painter;
        check(avformat_alloc_output_context2(out, null, "matroska", file.toString()), "create the output");
        map = new int[in.format.nb_streams()];
        Arrays.fill(map, -1);
        for (int s = 0; s < in.format.nb_streams(); s++) {
            AVStream st = in.format.streams(s);
            int type = st.codecpar().codec_type();
            if (type == AVMEDIA_TYPE_AUDIO || s == in.video) {
                AVStream o = avformat_new_stream(out, null);
                check(avcodec_parameters_copy(o.codecpar(), st.codecpar()), "copy stream parameters");
                o.codecpar().codec_tag(0);
                o.time_base(st.time_base());
                if (st.metadata() != null && !st.metadata().isNull()) {
                    AVDictionary meta = new AVDictionary(null);
                    av_dict_copy(meta, st.metadata(), 0);
                    o.metadata(meta);
                }
                o.disposition(st.disposition());
                map[s] = o.index();
            }
        }
        AVIOContext io = new AVIOContext(null);
        check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "open " + file.getFileName());
        out.pb(io);
        check(avformat_write_header(out, (AVDictionary) null), "write the header");
    }

    void run() throws LipSyncException {
        in.readAll(this::packet);
        check(av_write_trailer(out), "finish the file");
    }

    private void packet(AVPacket p, int v) throws LipSyncException {
        if (v < 0) {
            if (map[p.stream_index()] >= 0) {
                write(p, in.format.streams(p.stream_index()));
            }
            return;
        }
        Splice s = at < splices.size() ? splices.get(at) : null;
        if (s == null || !s.decodes(index, v)) {
            writeVideo(p);
            return;
        }
        in.decode(p, this::frame);
        if (v < index.groupStart[s.first()]) {
            writeVideo(p); // warm-up: decoded only so the run's first frames have their references
        } else if (!s.replaces(index, v)) {
            held.add(av_packet_clone(p)); // the next GOP's key frame (and what came with it): after the run
        }
        if (v == s.lastFed()) {
            in.decode(null, this::frame);
            painter.flush(this::encode);
            if (encoder != null) {
                encoder.encode(null, this::encoded);
                encoder.close();
                encoder = null;
            }
            gopsReencoded += s.last() - s.first() + 1;
            runFrames = 0;
            resendHeaders = in.stream.codecpar().codec_id() == AV_CODEC_ID_MPEG4;
            for (AVPacket h : held) {
                writeVideo(h);
                av_packet_free(h);
            }
            held.clear();
            at++;
        }
    }

    private void frame(AVFrame f) throws LipSyncException {
        Splice s = splices.get(at);
        if (f.pts() < s.fromPts() || f.pts() >= s.toPts()) {
            return; // a warm-up frame, or the next GOP's key frame: both stay as copied
        }
        if (encoder == null) {
            encoder = new SegmentEncoder(in.stream.codecpar(), in.frameRate, index.bitRate(s.first(), s.last()),
                    index.gopLength(), index.bFrames());
        }
        painter.frame(f, index.displayIndex(f.pts()), this::encode);
    }

    private void encode(AVFrame f) throws LipSyncException {
        if (runFrames == runPts.length) {
            runPts = Arrays.copyOf(runPts, 2 * runFrames);
        }
        runPts[runFrames++] = f.pts();
        encoder.encode(f, this::encoded);
    }

    private void encoded(AVPacket p, long ptsFrames, long dtsFrames) throws LipSyncException {
        long perFrame = Math.max(1, Math.round(1 / (index.frameRate * index.timeBase)));
        p.pts(runPts[(int) ptsFrames]);
        p.dts(dtsFrames >= 0 ? runPts[(int) dtsFrames] : runPts[0] + dtsFrames * perFrame);
        p.duration(perFrame);
        p.stream_index(in.video);
        writeVideo(p);
    }

    private void writeVideo(AVPacket p) throws LipSyncException {
        if (p.dts() != AV_NOPTS_VALUE) {
            if (p.dts() < lastVideoDts) {
                p.dts(lastVideoDts);
            }
            if (p.pts() != AV_NOPTS_VALUE && p.dts() > p.pts()) {
                p.dts(p.pts());
            }
            lastVideoDts = p.dts();
        }
        if (resendHeaders && (p.flags() & AV_PKT_FLAG_KEY) != 0) {
            resendHeaders = false;
            AVPacket withHeaders = withExtradata(p);
            if (withHeaders != null) {
                write(withHeaders, in.stream);
                av_packet_free(withHeaders);
                return;
            }
        }
        write(p, in.stream);
    }

    /**
     * MPEG-4 Part 2 from a container with a global header: the run's own VOL header stays in the decoder's state,
     * so the source's is put back in front of the first copied key frame after a run. Null when that frame
     * already starts with headers or the source has none.
     */
    private AVPacket withExtradata(AVPacket p) {
        int extra = in.stream.codecpar().extradata_size();
        BytePointer data = p.data();
        if (extra <= 0 || p.size() >= 4 && data.get(0) == 0 && data.get(1) == 0 && data.get(2) == 1
                && (data.get(3) & 0xff) != 0xb6) {
            return null;
        }
        AVPacket np = av_packet_alloc();
        av_new_packet(np, extra + p.size());
        av_packet_copy_props(np, p);
        byte[] bytes = new byte[extra];
        in.stream.codecpar().extradata().position(0).get(bytes);
        np.data().position(0).put(bytes);
        byte[] payload = new byte[p.size()];
        data.position(0).get(payload);
        np.data().position(extra).put(payload);
        np.data().position(0);
        return np;
    }

    private void write(AVPacket p, AVStream from) throws LipSyncException {
        int target = map[p.stream_index()];
        AVRational tb = out.streams(target).time_base();
        av_packet_rescale_ts(p, from.time_base(), tb);
        p.stream_index(target);
        p.pos(-1);
        check(av_interleaved_write_frame(out, p), "write a packet");
    }

    void close() {
        for (AVPacket h : held) {
            av_packet_free(h);
        }
        if (encoder != null) {
            encoder.close();
        }
        if (out.pb() != null && !out.pb().isNull()) {
            avio_closep(out.pb());
        }
        avformat_free_context(out);
    }

    private static void check(int r, String what) throws LipSyncException {
        if (r < 0) {
            byte[] buf = new byte[256];
            av_strerror(r, buf, buf.length);
            throw new LipSyncException("cannot " + what + ": " + new String(buf).trim());
        }
    }
}
