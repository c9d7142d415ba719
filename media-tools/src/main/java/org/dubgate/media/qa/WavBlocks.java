package org.dubgate.media.qa;

import org.dubgate.media.audio.PcmWavBlocks;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Optional;

/** A PCM WAV through the JDK's reader ({@link PcmWavBlocks}) as the audit's blocks; anything else is FFmpeg's. */
final class WavBlocks implements AudioBlocks {

    private final PcmWavBlocks wav;

    private WavBlocks(PcmWavBlocks wav) {
        this.wav = wav;
    }

    static Optional<AudioBlocks> open(Path file) {
        return PcmWavBlocks.open(file).map(WavBlocks::new);
    }

    @Override
    public int sourceChannels() {
        return wav.channels();
    }

    @Override
    public int sourceRate() {
        return wav.rate();
    }

    @Override
    public FloatBuffer next() throws QaException {
        try {
            return wav.next();
        } catch (IOException e) {
            throw new QaException("cannot read the WAV: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        wav.close();
    }
}
