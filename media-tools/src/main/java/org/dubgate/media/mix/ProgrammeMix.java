package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A language's full mix (DESIGN.md § Media): the dialogue stem over the M&E stem when there is one;
 * for a 5.1 source without M&E, the dialogue replaces the centre channel; for a stereo source
 * without M&E, the original is ducked by 18 dB under each dub line (with short ramps) and the mix is
 * flagged {@link Flag#NO_MNE_ORIGINAL_AUDIBLE}. 48 kHz, 24-bit WAV, written block by block.
 */
public final class ProgrammeMix {

    /** A QA flag the mix raises. */
    public enum Flag { NO_MNE_ORIGINAL_AUDIBLE }

    /** How the mix was made, and what QA should know. */
    public record Result(String method, int channels, Optional<Flag> flag) {
    }

    public static final double DUCK_DB = -18.0;
    static final Duration RAMP = Duration.ofMillis(50);
    private static final int BLOCK = 4_800;
    private static final int CENTRE = 2; // FL FR FC LFE BL BR

    private ProgrammeMix() {
    }

    public static Result mix(Path dialogueStem, Optional<Path> mne, Path source, List<Span> dubLines, Duration length,
                             Path out) throws MixException {
        Path bed = mne.orElse(source);
        boolean surround = surround(bed);
        int channels = surround ? 6 : 2;
        String method = mne.isPresent() ? "dialogue over M&E" : surround ? "dialogue replaces the centre channel"
                : "original ducked under the dialogue";
        long total = DialogueStem.samples(length);
        float duck = (float) Math.pow(10, DUCK_DB / 20);
        SpanCursor ducking = new SpanCursor(dubLines, DialogueStem.samples(RAMP));
        try (PcmReader dialogue = new PcmReader(dialogueStem, "mono", 1);
             PcmReader original = new PcmReader(bed, surround ? "5.1" : "stereo", channels);
             FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(out.toFile(), channels)) {
            recorder.setFormat("wav");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S24LE);
            recorder.setSampleFormat(avutil.AV_SAMPLE_FMT_S32);
            recorder.setSampleRate(DialogueStem.RATE);
            recorder.setAudioChannels(channels);
            recorder.start();
            float[] d = new float[BLOCK];
            float[] o = new float[BLOCK * channels];
            for (long at = 0; at < total; at += BLOCK) {
                int n = (int) Math.min(BLOCK, total - at);
                dialogue.read(d, n);
                original.read(o, n);
                for (int i = 0; i < n; i++) {
                    long sample = at + i;
                    if (mne.isPresent()) {
                        addDialogue(o, i, channels, d[i], surround);
                    } else if (surround) {
                        o[i * channels + CENTRE] = d[i];
                    } else {
                        float g = 1f - ducking.at(sample) * (1f - duck);
                        o[i * 2] = o[i * 2] * g + d[i] * 0.7071f;
                        o[i * 2 + 1] = o[i * 2 + 1] * g + d[i] * 0.7071f;
                    }
                }
                for (int i = 0; i < n * channels; i++) {
                    o[i] = Math.max(-1f, Math.min(1f, o[i]));
                }
                recorder.recordSamples(DialogueStem.RATE, channels, FloatBuffer.wrap(o, 0, n * channels));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new MixException("cannot write " + out.getFileName() + ": " + e.getMessage(), e);
        }
        return new Result(method, channels, mne.isEmpty() && !surround
                ? Optional.of(Flag.NO_MNE_ORIGINAL_AUDIBLE) : Optional.empty());
    }

    /** Whether a bed is mixed as 5.1 (six channels or more; its dialogue then sits in the centre) rather than stereo. */
    public static boolean surround(Path bed) throws MixException {
        return PcmReader.channelsOf(bed) >= 6;
    }

    /** Dialogue goes to the centre of a 5.1 bed, or equally (-3 dB) to both sides of a stereo one. */
    private static void addDialogue(float[] o, int frame, int channels, float dialogue, boolean surround) {
        if (surround) {
            o[frame * channels + CENTRE] += dialogue;
        } else {
            o[frame * 2] += dialogue * 0.7071f;
            o[frame * 2 + 1] += dialogue * 0.7071f;
        }
    }
}
