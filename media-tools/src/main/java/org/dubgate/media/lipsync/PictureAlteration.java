package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.dubgate.media.avsync.AvSyncException;
import org.dubgate.media.avsync.DubEnvelope;
import org.dubgate.media.mix.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Visual ADR on a source video: in each shot the performer's mouth is re-drawn by a {@link MouthModel} to the
 * dub audio, and the result is written GOP-exact — only the GOPs holding altered frames are decoded and
 * re-encoded (with the source's codec and parameters, as closed GOPs), every other video packet and every
 * audio packet is copied byte for byte, presentation times unchanged, into Matroska. The file can stand in for
 * the source wherever the source's picture is stream-copied ({@code mix.Assembler}).
 *
 * <p>Times: a shot's seconds are counted from the source's first video frame, and position t in the dub audio
 * file is position t of the source (its first sample plays with the first frame). A frame belongs to a shot
 * when its presentation time falls in {@code [start, end)}.
 *
 * <p>Passes: the packets are indexed (demux only); the shots' GOPs are decoded once to track the face and pick
 * each shot's reference crop (its most-closed-mouth frame); then the file is rewritten, the same GOPs decoded
 * again and re-encoded, with mouths rendered in batches of {@value MouthPainter#BATCH}. Memory is flat: a
 * batch of frames, one shot's audio and mel, and a few dozen bytes per frame of the shots. Native memory:
 * FFmpeg's decoder and encoder and the batch's frames, some tens of MB at HD. One call at a time per model
 * (models are not thread-safe); separate calls with separate models may run in parallel.
 */
public final class PictureAlteration {

    static {
        avutil.av_log_set_level(Boolean.getBoolean("dubgate.lipsync.ffmpegLog") ? avutil.AV_LOG_ERROR : avutil.AV_LOG_QUIET);
    }

    /**
     * The video codecs (FFmpeg's names) whose GOPs can be re-encoded and spliced between copied ones: their
     * parameter sets travel in the stream, not in the container's header (H.264 and HEVC keep theirs there).
     */
    public static final java.util.List<String> SPLICEABLE_CODECS = java.util.List.of("mpeg1video", "mpeg2video",
            "mpeg4", "mjpeg");

    private PictureAlteration() {
    }

    /** {@link #alter(Path, Path, List, MouthModel, Path, Path)} with the stills next to {@code out}. */
    public static Alteration alter(Path source, Path dubAudio, List<Span> shots, MouthModel model, Path out)
            throws LipSyncException {
        Path dir = out.toAbsolutePath().getParent();
        return alter(source, dubAudio, shots, model, out, dir);
    }

    /**
     * @param shots     ascending, not overlapping, each inside the video
     * @param stillsDir where each shot's before|after PNG goes ({@code <out name>.shot<N>.png})
     * @throws LipSyncException unreadable media, a codec that cannot be re-encoded, a shot outside the video or
     *                          with no face, a model that returns the wrong shape
     */
    public static Alteration alter(Path source, Path dubAudio, List<Span> shots, MouthModel model, Path out,
                                   Path stillsDir) throws LipSyncException {
        requireFile(source, "source");
        requireFile(dubAudio, "dub audio");
        if (shots.isEmpty()) {
            throw new LipSyncException("no shots to alter");
        }
        VideoIndex index;
        String codec;
        int width;
        int height;
        try (SourceVideo in = SourceVideo.open(source)) {
            SegmentEncoder.checkEncodable(in.stream.codecpar(), source.getFileName().toString());
            codec = avcodec.avcodec_get_name(in.stream.codecpar().codec_id()).getString();
            new FrameImage(in.width(), in.height(), in.pixelFormat()).close();
            width = in.width();
            height = in.height();
            index = VideoIndex.read(source, in.format, in.video, in.frameRate);
        }
        List<ShotWork> work = shotsOf(source, shots, index);
        List<Splice> splices = plan(index, work);
        DubEnvelope envelope;
        try {
            envelope = DubEnvelope.measure(dubAudio, index.frameRate);
        } catch (AvSyncException e) {
            throw new LipSyncException("dub audio " + e.getMessage(), e);
        }
        ShotAnalysis.run(source, index, splices, work, model.cropSize());
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new LipSyncException("cannot create the folder for " + out + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < work.size(); i++) {
            if (work.get(i).faceFrames() == 0) {
                throw new LipSyncException(String.format(Locale.ROOT, "shot %d (%s) has no face: nothing to lip-sync",
                        i + 1, describe(work.get(i).span)));
            }
        }
        int reencoded;
        try (SourceVideo in = SourceVideo.open(source);
             FrameImage image = new FrameImage(width, height, in.pixelFormat());
             MouthPainter painter = new MouthPainter(model, dubAudio, index, work, image)) {
            GopRewriter rewriter = new GopRewriter(in, index, splices, painter, out);
            try {
                rewriter.run();
            } finally {
                rewriter.close();
            }
            reencoded = rewriter.gopsReencoded;
        }
        List<ShotAlteration> results = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            ShotWork w = work.get(i);
            Optional<Path> still = BeforeAfterStill.write(w, stillsDir, out.getFileName() + ".shot" + (i + 1) + ".png");
            int[] u = w.union == null ? new int[4] : w.union;
            double to = w.splice.toPts() == Long.MAX_VALUE ? index.durationSeconds() : index.seconds(w.splice.toPts());
            results.add(new ShotAlteration(w.span, w.firstFrame, w.lastFrame, new PixelBox(u[0], u[1], u[2] - u[0], u[3] - u[1]),
                    index.seconds(w.splice.fromPts()), to, w.altered, w.faceFrames(),
                    envelope.correlationAt(w.times, w.before, 0), envelope.correlationAt(w.times, w.after, 0), still));
        }
        return new Alteration(out, codec, reencoded, index.groups() - reencoded, index.packets(), results);
    }

    private static List<ShotWork> shotsOf(Path source, List<Span> shots, VideoIndex index) throws LipSyncException {
        double duration = index.durationSeconds();
        double tolerance = 0.5 / index.frameRate;
        List<ShotWork> work = new ArrayList<>();
        double previousEnd = -1;
        for (int i = 0; i < shots.size(); i++) {
            Span s = shots.get(i);
            double start = s.start().toNanos() / 1e9;
            double end = s.end().toNanos() / 1e9;
            String what = String.format(Locale.ROOT, "shot %d (%s)", i + 1, describe(s));
            if (start < 0 || start >= duration || end > duration + tolerance) {
                throw new LipSyncException(String.format(Locale.ROOT, "%s is outside %s, which runs 0.000-%.3f s",
                        what, source.getFileName(), duration));
            }
            if (start < previousEnd) {
                throw new LipSyncException(what + " overlaps or precedes the shot before it: give shots in order");
            }
            previousEnd = end;
            int first = -1;
            int last = -1;
            for (int k = 0; k < index.sortedPts.length; k++) {
                double t = index.seconds(index.sortedPts[k]);
                if (t >= start - 1e-6 && t < end - 1e-6) {
                    first = first < 0 ? k : first;
                    last = k;
                }
            }
            if (first < 0) {
                throw new LipSyncException(what + " holds no frame");
            }
            work.add(new ShotWork(s, first, last, index));
        }
        return work;
    }

    /** The GOP runs to re-encode: those holding shot frames, runs one GOP apart merged (they share a warm-up). */
    private static List<Splice> plan(VideoIndex index, List<ShotWork> shots) {
        List<int[]> runs = new ArrayList<>();
        for (ShotWork s : shots) {
            int a = Integer.MAX_VALUE;
            int b = -1;
            for (int i = 0; i < index.packets(); i++) {
                int k = index.displayIndex(index.pts[i]);
                if (s.contains(k)) {
                    int g = index.groupOf(i);
                    a = Math.min(a, g);
                    b = Math.max(b, g);
                }
            }
            if (!runs.isEmpty() && a <= runs.get(runs.size() - 1)[1] + 2) {
                runs.get(runs.size() - 1)[1] = Math.max(b, runs.get(runs.size() - 1)[1]);
            } else {
                runs.add(new int[]{a, b});
            }
        }
        List<Splice> splices = new ArrayList<>();
        for (int[] r : runs) {
            splices.add(Splice.of(index, r[0], r[1]));
        }
        for (ShotWork s : shots) {
            for (Splice sp : splices) {
                long first = index.sortedPts[s.firstFrame];
                if (first >= sp.fromPts() && first < sp.toPts()) {
                    s.splice = sp;
                }
            }
        }
        return splices;
    }

    private static String describe(Span s) {
        return String.format(Locale.ROOT, "%.3f-%.3f s", s.start().toNanos() / 1e9, s.end().toNanos() / 1e9);
    }

    private static void requireFile(Path file, String what) throws LipSyncException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new LipSyncException(what + " " + file + ": no such readable file");
        }
        try {
            if (Files.size(file) == 0) {
                throw new LipSyncException(what + " " + file.getFileName() + ": empty file");
            }
        } catch (IOException e) {
            throw new LipSyncException(what + " " + file + ": " + e.getMessage(), e);
        }
    }
}
