package org.dubgate.media.avsync;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.dubgate.media.TestMedia;
import org.dubgate.media.mix.PcmReader;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GRID clips played one after the other as one video: each clip is 3 s, too little speech for a sync
 * estimate to be worth much, and the six are six different speakers, so a reel is what a programme of six
 * shots would be (five cuts between them). The picture is the clips' decoded frames re-encoded as
 * Motion JPEG at quality 2 in QuickTime, 25 fps as the clips: near-lossless and intra-only, so no frame borrows
 * from another (FFV1, lossless, decoded seven times slower and made the tests' picture passes dominate). The sound each clip's own audio decoded by the module's
 * {@link PcmReader} to 48 kHz mono and cut or padded with silence to exactly its clip's 75 frames, so that
 * sound and picture stay as in sync as in the clips. The reel carries that sound as its own audio (PCM), and
 * {@link #shiftedWav} writes it moved by a known offset as a separate WAV.
 */
final class GridReel {

    static final int RATE = 48_000;
    private static final int FPS = 25;
    private static final int SAMPLES_PER_FRAME = RATE / FPS;

    final Path video;
    final List<String> clips;
    final int frames;
    /** The reel's sound in sync with its picture, 48 kHz mono. */
    private final float[] sound;

    private GridReel(Path video, List<String> clips, int frames, float[] sound) {
        this.video = video;
        this.clips = List.copyOf(clips);
        this.frames = frames;
        this.sound = sound;
    }

    String name() {
        return String.join("+", clips);
    }

    static GridReel build(List<Path> clips, Path file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET); // the grabbers' banners are noise in the test output
        List<String> names = new ArrayList<>();
        List<float[]> sounds = new ArrayList<>();
        int frames = 0;
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 360, 288, 1)) {
            // QuickTime: JavaCV's recorder writes Matroska with a duration past the last packet, which the
            // prober (rightly) calls truncated
            r.setFormat("mov");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MJPEG);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUVJ420P);
            r.setVideoQuality(2); // qscale 2: near-lossless, every frame intra-coded
            r.setFrameRate(FPS);
            r.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            r.setSampleRate(RATE);
            r.setAudioChannels(1);
            r.start();
            for (Path clip : clips) {
                names.add(clip.getFileName().toString().replace(".mpg", ""));
                List<Frame> pictures = new ArrayList<>();
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
                    g.start();
                    if (g.getImageWidth() != 360 || g.getImageHeight() != 288 || Math.abs(g.getFrameRate() - FPS) > 1e-9) {
                        throw new IllegalStateException(clip + " is not 360x288 at 25 fps");
                    }
                    Frame f;
                    while ((f = g.grabImage()) != null) {
                        if (pictures.isEmpty() && f.timestamp != 0) {
                            throw new IllegalStateException(clip + ": first frame at " + f.timestamp + " us, not 0");
                        }
                        pictures.add(f.clone());
                    }
                }
                // the audio too must start at time 0, with the picture, for decoding both from the start to keep
                // them as aligned as the clip has them
                try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
                    g.start();
                    Frame first = g.grabSamples();
                    if (first == null || first.timestamp != 0) {
                        throw new IllegalStateException(clip + ": audio does not start at 0");
                    }
                }
                float[] pcm = new float[pictures.size() * SAMPLES_PER_FRAME];
                try (PcmReader in = new PcmReader(clip, "mono", 1)) {
                    in.read(pcm, pcm.length);
                }
                for (int k = 0; k < pictures.size(); k++) {
                    r.record(pictures.get(k));
                    r.recordSamples(RATE, 1, FloatBuffer.wrap(pcm, k * SAMPLES_PER_FRAME, SAMPLES_PER_FRAME));
                    pictures.get(k).close();
                }
                frames += pictures.size();
                sounds.add(pcm);
            }
            r.stop();
        }
        MediaProbe probe = new MediaProber().probe(file); // a file the CLI would take as it is
        if (Math.abs(probe.durationSeconds() - frames / (double) FPS) > 1e-3) {
            throw new IllegalStateException(file + " lasts " + probe.durationSeconds() + " s, not " + frames / (double) FPS);
        }
        float[] sound = new float[frames * SAMPLES_PER_FRAME];
        int at = 0;
        for (float[] s : sounds) {
            System.arraycopy(s, 0, sound, at, s.length);
            at += s.length;
        }
        return new GridReel(file, names, frames, sound);
    }

    /**
     * The reel's sound {@code offsetMs} late (positive: silence put before it and its end cut) or early
     * (negative: its start cut and silence put after it), same length, as a 16-bit mono WAV.
     */
    Path shiftedWav(int offsetMs, Path file) throws IOException {
        return wav(sound, offsetMs, file);
    }

    /** Another reel's sound against this one's picture: the same clips' audio in another order. */
    Path soundOf(GridReel other, Path file) throws IOException {
        return wav(other.sound, 0, file);
    }

    private static Path wav(float[] sound, int offsetMs, Path file) throws IOException {
        int shift = Math.round(offsetMs * RATE / 1000f);
        short[] samples = new short[sound.length];
        for (int i = 0; i < samples.length; i++) {
            int from = i - shift;
            float s = from >= 0 && from < sound.length ? sound[from] : 0f;
            samples[i] = (short) Math.max(-32768, Math.min(32767, Math.round(s * 32768f)));
        }
        return TestMedia.wav(file, RATE, 1, samples);
    }
}
