package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.nio.file.Path;
import java.util.Arrays;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

/**
 * The source's video packets in decode order, read once without decoding: presentation time, key flag and
 * size of each (24 bytes a packet, 2 MB for an hour at 25 fps), grouped into GOPs (a key packet and the packets
 * up to the next). The display index of a frame is the rank of its presentation time.
 */
final class VideoIndex {

    final long[] pts;
    final boolean[] key;
    final int[] size;
    /** groupStart[g] = first packet of GOP g in decode order; one extra entry = packet count. */
    final int[] groupStart;
    /** Presentation times ascending: sortedPts[k] is display frame k's. */
    final long[] sortedPts;
    final double timeBase;
    final long firstPts;
    final double frameRate;

    private VideoIndex(long[] pts, boolean[] key, int[] size, int[] groupStart, double timeBase, double frameRate) {
        this.pts = pts;
        this.key = key;
        this.size = size;
        this.groupStart = groupStart;
        this.timeBase = timeBase;
        this.frameRate = frameRate;
        this.sortedPts = pts.clone();
        Arrays.sort(sortedPts);
        this.firstPts = sortedPts[0];
    }

    static VideoIndex read(Path source, AVFormatContext in, int videoStream, AVRational rate) throws LipSyncException {
        AVStream st = in.streams(videoStream);
        long[] pts = new long[1024];
        boolean[] key = new boolean[1024];
        int[] size = new int[1024];
        int[] groups = new int[64];
        int n = 0;
        int g = 0;
        AVPacket p = av_packet_alloc();
        try {
            while (av_read_frame(in, p) >= 0) {
                if (p.stream_index() == videoStream) {
                    if (p.pts() == AV_NOPTS_VALUE) {
                        throw new LipSyncException(source.getFileName() + ": video packet " + n
                                + " has no presentation time; remux the source (e.g. to Matroska) first");
                    }
                    if (n == pts.length) {
                        pts = Arrays.copyOf(pts, 2 * n);
                        key = Arrays.copyOf(key, 2 * n);
                        size = Arrays.copyOf(size, 2 * n);
                    }
                    boolean k = (p.flags() & AV_PKT_FLAG_KEY) != 0;
                    if (k || n == 0) {
                        if (g == groups.length) {
                            groups = Arrays.copyOf(groups, 2 * g);
                        }
                        groups[g++] = n;
                    }
                    pts[n] = p.pts();
                    key[n] = k;
                    size[n] = p.size();
                    n++;
                }
                av_packet_unref(p);
            }
        } finally {
            av_packet_free(p);
        }
        if (n < 2) {
            throw new LipSyncException(source.getFileName() + ": the video has " + n + " frames: nothing to alter");
        }
        int[] starts = Arrays.copyOf(groups, g + 1);
        starts[g] = n;
        double fps = rate.num() > 0 && rate.den() > 0 ? av_q2d(rate) : 25;
        return new VideoIndex(Arrays.copyOf(pts, n), Arrays.copyOf(key, n), Arrays.copyOf(size, n), starts,
                av_q2d(st.time_base()), fps);
    }

    int packets() {
        return pts.length;
    }

    int groups() {
        return groupStart.length - 1;
    }

    int groupOf(int packet) {
        int i = Arrays.binarySearch(groupStart, packet);
        return i >= 0 ? (i == groupStart.length - 1 ? i - 1 : i) : -i - 2;
    }

    /** Seconds from the first frame of a presentation time. */
    double seconds(long t) {
        return (t - firstPts) * timeBase;
    }

    /** The display index of the frame with this presentation time. */
    int displayIndex(long t) {
        int i = Arrays.binarySearch(sortedPts, t);
        return i >= 0 ? i : -i - 1;
    }

    double durationSeconds() {
        return seconds(sortedPts[sortedPts.length - 1]) + 1 / frameRate;
    }

    /** The most frames displayed before a frame decoded earlier, in a row: the B-frames between anchors. */
    int bFrames() {
        int best = 0;
        int run = 0;
        long maxSeen = Long.MIN_VALUE;
        for (long t : pts) {
            if (t < maxSeen) {
                best = Math.max(best, ++run);
            } else {
                run = 0;
                maxSeen = t;
            }
        }
        return best;
    }

    /** The commonest GOP length in packets (the last, often cut short, not counted when there are others). */
    int gopLength() {
        int[] lengths = new int[groups() > 1 ? groups() - 1 : 1];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = groupStart[i + 1] - groupStart[i];
        }
        Arrays.sort(lengths);
        return lengths[lengths.length / 2];
    }

    /** Whether GOP g has leading frames: frames shown before its key frame (an open GOP). */
    boolean open(int g) {
        long k = pts[groupStart[g]];
        for (int i = groupStart[g] + 1; i < groupStart[g + 1]; i++) {
            if (pts[i] < k) {
                return true;
            }
        }
        return false;
    }

    /** The first presentation time of GOP g (a leading frame's when it is open). */
    long groupFirstPts(int g) {
        long m = Long.MAX_VALUE;
        for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
            m = Math.min(m, pts[i]);
        }
        return m;
    }

    /** Bits a second of the packets of GOPs {@code [a, b]}. */
    long bitRate(int a, int b) {
        long bytes = 0;
        for (int i = groupStart[a]; i < groupStart[b + 1]; i++) {
            bytes += size[i];
        }
        double frames = groupStart[b + 1] - groupStart[a];
        return Math.max(64_000, Math.round(bytes * 8 * frameRate / frames));
    }
}
