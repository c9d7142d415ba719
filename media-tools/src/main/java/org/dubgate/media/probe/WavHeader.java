package org.dubgate.media.probe;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What a WAV header promises against what the file holds. FFmpeg ignores a data size larger than the
 * file and estimates the duration from the bytes there, so a WAV that declares 100 MB and holds none
 * probes as a valid file of 0 s; the header is read here with the JDK's own WAV reader
 * ({@code javax.sound.sampled}: PCM, float, A-law, mu-law and WAVE_FORMAT_EXTENSIBLE).
 */
final class WavHeader {

    /** RIFF, fmt and data headers come before the first sample: a PCM WAV holds at most its size less this. */
    private static final int MIN_HEADER_BYTES = 44;
    /** The data size a WAV written to a pipe keeps, as it cannot seek back: "unknown", not 4 GiB. */
    private static final long UNKNOWN_SIZE = 0xFFFFFFFFL;

    private WavHeader() {
    }

    static void check(Path file, long sizeBytes) throws ProbeException {
        AudioFileFormat header;
        try {
            header = AudioSystem.getAudioFileFormat(file.toFile());
        } catch (UnsupportedAudioFileException | IOException e) {
            return; // a codec the JDK does not read (ADPCM, MP3 in WAV, RF64): FFmpeg's reading alone decides
        }
        long frames = header.getFrameLength();
        int frameSize = header.getFormat().getFrameSize();
        float rate = header.getFormat().getFrameRate();
        if (frames == AudioSystem.NOT_SPECIFIED || frames <= 0 || frameSize <= 0 || !(rate > 0)) {
            return;
        }
        long declared = frames * frameSize;
        if (declared == UNKNOWN_SIZE / frameSize * frameSize) {
            return;
        }
        long held = Math.max(0, sizeBytes - MIN_HEADER_BYTES);
        double bytesPerSecond = (double) frameSize * rate;
        if ((declared - held) / bytesPerSecond > MediaProber.DECLARED_DURATION_TOLERANCE) {
            throw new ProbeException(file, ProbeException.Reason.TRUNCATED, String.format(java.util.Locale.ROOT,
                    "the header declares %.2f s of audio (%d bytes) but the file holds %.2f s: the file is cut short",
                    declared / bytesPerSecond, declared, held / bytesPerSecond));
        }
    }
}
