package org.dubgate.media.lipsync;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.bytedeco.ffmpeg.global.swscale.*;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * Between decoded frames (8-bit planar YUV, the source's own format) and packed BGR bytes that Java code crops
 * and blends. Only the altered rectangle is written back into a frame, so every pixel outside the mouth region
 * keeps its decoded value exactly (a whole-frame BGR round trip would move most of them by a level or so).
 * One per pass; not thread-safe.
 */
final class FrameImage implements AutoCloseable {

    final int width;
    final int height;
    final int format;
    private final int chromaShiftX;
    private final int chromaShiftY;
    private final int planes;
    private final SwsContext toBgr;
    private final SwsContext fromBgr;
    private final BytePointer bgr;
    private final AVFrame converted = av_frame_alloc();

    FrameImage(int width, int height, int format) throws LipSyncException {
        if (!supported(format)) {
            throw new LipSyncException("pixel format " + av_get_pix_fmt_name(format).getString()
                    + " is not supported for lip-sync (8-bit planar YUV only)");
        }
        this.width = width;
        this.height = height;
        this.format = format;
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(format);
        this.chromaShiftX = d.log2_chroma_w();
        this.chromaShiftY = d.log2_chroma_h();
        this.planes = av_pix_fmt_count_planes(format);
        toBgr = sws_getContext(width, height, format, width, height, AV_PIX_FMT_BGR24, SWS_BICUBIC, null, null, (DoublePointer) null);
        fromBgr = sws_getContext(width, height, AV_PIX_FMT_BGR24, width, height, format, SWS_BICUBIC, null, null, (DoublePointer) null);
        // swscale's SIMD paths write whole vectors: slack past the last row keeps them off the heap's bookkeeping
        bgr = new BytePointer((long) width * height * 3 + 2L * width * 3 + 1024);
        converted.width(width).height(height).format(format);
        if (av_frame_get_buffer(converted, 0) < 0) {
            throw new LipSyncException("cannot allocate a " + width + "x" + height + " frame");
        }
    }

    static boolean supported(int f) {
        return f == AV_PIX_FMT_YUV420P || f == AV_PIX_FMT_YUVJ420P || f == AV_PIX_FMT_YUV422P
                || f == AV_PIX_FMT_YUVJ422P || f == AV_PIX_FMT_YUV444P || f == AV_PIX_FMT_YUVJ444P;
    }

    /** The frame's luma as a grey OpenCV image, sharing the frame's memory (no copy). */
    static Mat grey(AVFrame f) {
        return new Mat(f.height(), f.width(), CV_8UC1, f.data(0), f.linesize(0));
    }

    /** The frame as packed BGR, {@code width * height * 3} bytes. */
    void toBgr(AVFrame f, byte[] into) {
        // sws_scale reads four plane pointers and strides whatever the format: pass four
        try (PointerPointer<BytePointer> dst = new PointerPointer<>(bgr, null, null, null);
             IntPointer stride = new IntPointer(width * 3, 0, 0, 0)) {
            sws_scale(toBgr, f.data(), f.linesize(), 0, height, dst, stride);
        }
        bgr.position(0).get(into, 0, width * height * 3);
    }

    /**
     * Converts {@code image} back and copies the rectangle {@code [x0, x1) × [y0, y1)} (widened to whole chroma
     * samples) into {@code target}, which must be writable.
     */
    void putRegion(byte[] image, AVFrame target, int x0, int y0, int x1, int y1) {
        bgr.position(0).put(image, 0, width * height * 3);
        try (PointerPointer<BytePointer> src = new PointerPointer<>(bgr, null, null, null);
             IntPointer stride = new IntPointer(width * 3, 0, 0, 0)) {
            av_frame_make_writable(converted);
            sws_scale(fromBgr, src, stride, 0, height, converted.data(), converted.linesize());
        }
        int ax = (x0 >> chromaShiftX) << chromaShiftX;
        int ay = (y0 >> chromaShiftY) << chromaShiftY;
        for (int p = 0; p < planes; p++) {
            int sx = p == 0 ? 0 : chromaShiftX;
            int sy = p == 0 ? 0 : chromaShiftY;
            int cx0 = ax >> sx;
            int cx1 = Math.min((width + (1 << sx) - 1) >> sx, (x1 + (1 << sx) - 1) >> sx);
            int cy0 = ay >> sy;
            int cy1 = Math.min((height + (1 << sy) - 1) >> sy, (y1 + (1 << sy) - 1) >> sy);
            byte[] row = new byte[Math.max(0, cx1 - cx0)];
            BytePointer from = converted.data(p);
            BytePointer to = target.data(p);
            int fs = converted.linesize(p);
            int ts = target.linesize(p);
            for (int y = cy0; y < cy1; y++) {
                from.position((long) y * fs + cx0).get(row);
                to.position((long) y * ts + cx0).put(row);
            }
            from.position(0);
            to.position(0);
        }
    }

    @Override
    public void close() {
        sws_freeContext(toBgr);
        sws_freeContext(fromBgr);
        bgr.close();
        av_frame_free(converted);
    }
}
