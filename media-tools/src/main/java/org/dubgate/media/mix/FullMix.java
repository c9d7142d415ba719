package org.dubgate.media.mix;

import org.dubgate.media.loudness.TruePeakLimiter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A language's full mix being written ({@link ProgrammeMix}): the dialogue is handed in as it is
 * made, in blocks of any size, and mixed over the bed read in step, so the stem is never read back
 * from its file. The work is done in the same blocks of {@value #BLOCK} frames from the start as
 * when the stem was read back, so the file is the same to the byte.
 */
final class FullMix implements AutoCloseable {

    private static final int BLOCK = 4_800;

    private final Optional<Path> mne;
    private final boolean surround;
    private final int channels;
    private final long total;
    private final float duck = (float) Math.pow(10, ProgrammeMix.DUCK_DB / 20);
    private final SpanCursor ducking;
    private final TruePeakLimiter limiter;
    private final PcmReader original;
    private final WavOut wav;
    private final float[] dialogue = new float[BLOCK];
    private final float[] bed;
    private final float[] limited;
    private int filled;
    private long at;

    /** Opens the bed and the output: mixed over {@code mne} when there is one, else over {@code source}. */
    FullMix(Optional<Path> mne, Path source, List<Span> dubLines, Duration length, double ceilingDbtp,
            Optional<Disclosure> disclosure, Path out) throws MixException {
        Path bedFile = mne.orElse(source);
        this.mne = mne;
        this.surround = ProgrammeMix.surround(bedFile);
        this.channels = surround ? 6 : 2;
        this.total = DialogueStem.samples(length);
        this.ducking = new SpanCursor(dubLines, DialogueStem.samples(ProgrammeMix.RAMP));
        this.limiter = new TruePeakLimiter(DialogueStem.RATE, channels, ceilingDbtp);
        this.bed = new float[BLOCK * channels];
        this.limited = new float[Math.max(BLOCK, limiter.latency()) * channels];
        this.original = PcmReader.ofSource(bedFile, surround ? "5.1" : "stereo", channels);
        try {
            this.wav = new WavOut(out, channels, total, Disclosure.tagsOf(disclosure));
        } catch (MixException | RuntimeException e) {
            original.close();
            throw e;
        }
    }

    /** The next {@code n} samples of dialogue, as the mix takes them. */
    void dialogue(float[] samples, int n) throws MixException {
        for (int from = 0; from < n; ) {
            int k = Math.min(n - from, BLOCK - filled);
            System.arraycopy(samples, from, dialogue, filled, k);
            filled += k;
            from += k;
            if (filled == BLOCK) {
                mixBlock();
            }
        }
    }

    /**
     * The dialogue stem as it is written, block by block: each sample taken as reading the 24-bit
     * file back would give it ({@link Pcm#asReadBack}); a block given may be changed.
     */
    DialogueStem.BlockSink fromStem() {
        return new DialogueStem.BlockSink() {
            @Override
            public void accept(float[] block, int n) throws MixException {
                for (int i = 0; i < n; i++) {
                    block[i] = Pcm.asReadBack(block[i]);
                }
                dialogue(block, n);
            }

            @Override
            public void silence(int n) throws MixException {
                for (int left = n; left > 0; ) {
                    int k = Math.min(left, BLOCK - filled);
                    java.util.Arrays.fill(dialogue, filled, filled + k, 0f);
                    filled += k;
                    left -= k;
                    if (filled == BLOCK) {
                        mixBlock();
                    }
                }
            }
        };
    }

    /** Mixes what is left (silence past the dialogue's end, as reading a shorter stem gave), completes the file. */
    ProgrammeMix.Result finish(FileDigest stem) throws MixException {
        while (at + filled < total) {
            int k = (int) Math.min(BLOCK - filled, total - at - filled);
            java.util.Arrays.fill(dialogue, filled, filled + k, 0f);
            filled += k;
            if (filled == BLOCK) {
                mixBlock();
            }
        }
        if (filled > 0) {
            mixBlock();
        }
        wav.write(limited, limiter.finish(limited)); // the look-ahead's worth still held: same length as the stem
        FileDigest mix = wav.finish();
        String method = mne.isPresent() ? "dialogue over M&E" : surround ? "dialogue replaces the centre channel"
                : "original ducked under the dialogue";
        return new ProgrammeMix.Result(method, channels, mne.isEmpty() && !surround
                ? Optional.of(ProgrammeMix.Flag.NO_MNE_ORIGINAL_AUDIBLE) : Optional.empty(), limiter.activity(),
                Optional.empty(), stem, mix);
    }

    /** One block: the bed's frames, ducked or emptied as the mix has it, the dialogue added, limited, written. */
    private void mixBlock() throws MixException {
        int n = (int) Math.min(filled, total - at);
        if (n < filled) {
            throw new MixException("the dialogue runs past the programme's " + total + " frames");
        }
        original.read(bed, n);
        ProgrammeMix.bed(bed, n, at, channels, mne.isPresent(), surround, ducking, duck);
        for (int i = 0; i < n; i++) {
            ProgrammeMix.addDialogue(bed, i, channels, dialogue[i], surround);
        }
        wav.write(limited, limiter.process(bed, n, limited));
        at += n;
        filled = 0;
    }

    @Override
    public void close() {
        original.close();
        wav.close();
    }
}
