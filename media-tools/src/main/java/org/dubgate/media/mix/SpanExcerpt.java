package org.dubgate.media.mix;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The audio of one stretch of a file as a 48 kHz 24-bit WAV lasting exactly that stretch: what a QA
 * reviewer listens to for one cue (the full mix over the cue's span with context either side, and the
 * original audio of the same span) without the server decoding a two-hour file to hand out ten seconds.
 *
 * <p>The file is sought to just before the span, so an excerpt near the end costs what one near the start
 * does. The seek lands on a frame; the frame's timestamp says which sample it starts on, and decoding is
 * counted from there, so the samples before the span are dropped exactly (as exactly as the container
 * stores time: to the sample for WAV, FLAC and MP4; Matroska keeps milliseconds, ±24 samples). Time zero
 * is the first sample of the file's first audio stream, as {@link PcmReader} (and so every mix) counts it;
 * a span starting before it, or running past the end, is silence there. Decoding starts {@link #PREROLL}
 * before the span and throws that away: codecs whose frames overlap (AAC, MP2/MP3, Opus) and the
 * resampler's filter need that much history to give the samples a decode from the start gives. A file at
 * another rate is resampled from a sample on both rates' grid (every 1/300 s for 44.1 kHz), so its 48 kHz
 * samples fall where a decode of the whole file puts them. A file that cannot seek is decoded from the start.
 *
 * <p>The excerpt keeps the file's channels when they are mono, stereo or 5.1 (in FFmpeg's layout, as
 * {@link PcmReader} reads them) and is down-mixed to stereo otherwise. It is written block by block:
 * memory holds a few frames whatever the span or the file.
 */
public final class SpanExcerpt {

    /** The longest excerpt: a cue with its context, or a scene; anything longer is a mistake, not a review. */
    public static final Duration LONGEST = Duration.ofMinutes(10);
    /** Decoded before the span and dropped: the history codecs and the resampler need. */
    static final Duration PREROLL = Duration.ofMillis(500);

    private SpanExcerpt() {
    }

    /** Writes the audio of {@code in} over [{@code from}, {@code to}) to {@code outWav}. */
    public static void write(Path in, Duration from, Duration to, Path outWav) throws MixException {
        excerpt(in, from, to, outWav);
    }

    /** {@link #write}; returns how many of the file's samples were decoded after the seek (a test's view of it). */
    static long excerpt(Path in, Duration from, Duration to, Path outWav) throws MixException {
        if (to.compareTo(from) <= 0) {
            throw new MixException("an excerpt must end after it starts: " + from + " .. " + to);
        }
        if (to.minus(from).compareTo(LONGEST) > 0) {
            throw new MixException("an excerpt lasts at most " + LONGEST.toMinutes() + " minutes: " + from + " .. "
                    + to + " is " + to.minus(from));
        }
        long start = DialogueStem.samples(from);
        long total = DialogueStem.samples(to.minus(from));
        if (total == 0) {
            throw new MixException("an excerpt of " + to.minus(from) + " is shorter than one sample at 48 kHz");
        }
        long end = start + total;
        try (SoughtPcm decoder = SoughtPcm.open(in, start, PREROLL); WavOut wav = new WavOut(outWav, decoder.channels,
                total, java.util.Map.of())) {
            int channels = decoder.channels;
            long cursor = start; // the index of the next sample written, on the file's 48 kHz timeline
            float[] block;
            while (cursor < end && (block = decoder.next()) != null) {
                long at = decoder.last;
                long blockEnd = at + block.length / channels;
                if (blockEnd <= cursor) {
                    continue; // the pre-roll
                }
                if (at > cursor) { // before the file's first sample
                    silence(wav, Math.min(at, end) - cursor);
                    cursor = Math.min(at, end);
                }
                int n = (int) (Math.min(blockEnd, end) - cursor);
                if (n > 0) {
                    int skip = (int) (cursor - at) * channels;
                    wav.write(skip == 0 ? block : Arrays.copyOfRange(block, skip, skip + n * channels), n);
                    cursor += n;
                }
            }
            silence(wav, end - cursor); // past the file's end
            wav.finish();
            return decoder.decoded;
        }
    }

    private static void silence(WavOut wav, long frames) throws MixException {
        if (frames > 0) {
            wav.silence(frames);
        }
    }

    /** The excerpt's channel count for a file with {@code channels}: mono, stereo and 5.1 kept, others down-mixed. */
    static int channelsFor(int channels) {
        return channels == 1 || channels == 6 ? channels : 2;
    }
}
