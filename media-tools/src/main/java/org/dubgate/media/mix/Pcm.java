package org.dubgate.media.mix;

/**
 * The integer conversions MIX's samples go through, to the bit as FFmpeg makes them, so samples
 * written or handed on in Java are the ones FFmpeg's encoder and JavaCV's reading would give.
 *
 * <p>FFmpeg's libswresample turns a float into 32 bits as {@code clip(llrintf(x · 2^31))} and into
 * 16 as {@code clip(lrintf(x · 2^15))}: the product is exact (a power of two), rounding is to the
 * nearest, ties to even, as {@link Math#rint} does, and a Java cast to int saturates as the clip does.
 * The 24-bit PCM encoder keeps the top 24 of the 32 bits ({@code s32 >> 8}).
 *
 * <p>JavaCV's {@code FFmpegFrameGrabber} hands out 16-bit samples unless told otherwise
 * ({@code SampleMode.SHORT}): what {@link PcmReader} reads of a 24-bit stem is its top 16 bits, and
 * of a float file its samples rounded to 16 bits. The full mix has always taken the dialogue so,
 * reading the stem back, and the levelling its unlevelled stem; handing those on in memory keeps
 * exactly that ({@link #asReadBack}, {@link #toS16}).
 */
final class Pcm {

    private Pcm() {
    }

    /** A float sample as FFmpeg's conversion to signed 32-bit makes it. */
    static int toS32(float x) {
        return (int) Math.rint(x * 2147483648f);
    }

    /** A float sample as FFmpeg's conversion to signed 16-bit makes it. */
    static short toS16(float x) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, (int) Math.rint(x * 32768f)));
    }

    /** A 16-bit sample as FFmpeg makes a float of it. */
    static float fromS16(int s16) {
        return s16 / 32768f;
    }

    /** What {@link PcmReader} reads back of the sample {@code x} written into a 24-bit WAV: its top 16 bits. */
    static float asReadBack(float x) {
        return fromS16(toS32(x) >> 16);
    }
}
