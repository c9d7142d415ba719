package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A 48 kHz 24-bit PCM WAV written block by block from interleaved float samples, hashed as it is
 * written ({@link #finish} gives its {@link FileDigest}). {@link #close} alone abandons it.
 *
 * <p>The file is byte for byte what FFmpeg's WAV muxer ({@code rf64=auto}) and 24-bit PCM encoder
 * wrote here before, fed through JavaCV: a 28-byte {@code JUNK} chunk reserving room for
 * {@code ds64}, a {@code WAVE_FORMAT_EXTENSIBLE} fmt chunk with FFmpeg's default channel mask, a
 * {@code LIST}/{@code INFO} chunk naming FFmpeg ({@code ISFT}) and any tags given, the data chunk,
 * and a pad byte after an odd-sized one. Unlike FFmpeg, which writes the sizes when done by seeking
 * back, it writes them first, so the bytes can be hashed in order: the frame count is declared up
 * front and held to. Past 4 GiB the file is RF64 from the start, as FFmpeg rewrites it at its end.
 * Samples are converted as FFmpeg converts them ({@link Pcm#toS32}, top 24 bits), so writing them
 * here instead of through FFmpeg's encoder changes no byte, and silence is written as zero bytes.
 *
 * <p>Metadata given goes into the {@code LIST}/{@code INFO} chunk before the samples: what lets a
 * delivered stem or mix say what it is (a {@link Disclosure}) wherever it travels without its
 * container. Only FFmpeg's generic names that its muxer maps to INFO tags are taken ({@link #INFO_KEYS}).
 */
final class WavOut implements AutoCloseable {

    /**
     * FFmpeg's names the WAV muxer writes as RIFF INFO tags (libavformat/riff.c, {@code ff_riff_info_conv}),
     * in the order it writes them ({@code ff_riff_tags}).
     */
    private static final Map<String, String> INFO_TAGS = infoTags();
    /** The tags that can be given: all but {@code encoder}, which the muxer sets to its own name. */
    static final Set<String> INFO_KEYS = INFO_TAGS.keySet().stream().filter(k -> !k.equals("encoder"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final int BITS = 24;
    private static final long RIFF_MAX = 0xFFFFFFFFL;
    /** WAVE_FORMAT_EXTENSIBLE's sub-format for integer PCM, KSDATAFORMAT_SUBTYPE_PCM. */
    private static final int[] PCM_GUID = {0x00000001, 0x00100000, 0xAA000080, 0x719B3800};
    private static final byte[] ZEROS = new byte[1 << 16];

    private final Path file;
    private final int channels;
    private final long frames;
    private final long fileSize;
    private final FileChannel out;
    private final MessageDigest sha = FileDigest.newSha256();
    /** Whole frames' worth of bytes not yet hashed and written. */
    private final byte[] buffer;
    private int filled;
    private long written;

    /**
     * @param frames   how many frames the file will hold: {@link #finish} refuses any other count
     * @param metadata tags for the INFO chunk, by FFmpeg's names (only {@link #INFO_KEYS}); empty for none
     */
    WavOut(Path file, int channels, long frames, Map<String, String> metadata) throws MixException {
        for (Map.Entry<String, String> tag : metadata.entrySet()) {
            if (!INFO_KEYS.contains(tag.getKey())) {
                throw new IllegalArgumentException("a WAV's INFO chunk has no tag for \"" + tag.getKey()
                        + "\": FFmpeg would drop it; use one of " + INFO_KEYS);
            }
            if (tag.getValue().indexOf('\0') >= 0) {
                throw new IllegalArgumentException("an INFO tag is a C string: no NUL in " + tag.getKey());
            }
        }
        if (channels < 1 || frames < 0) {
            throw new IllegalArgumentException(channels + " channels, " + frames + " frames");
        }
        this.file = file;
        this.channels = channels;
        this.frames = frames;
        this.buffer = new byte[BITS / 8 * channels * 8192];
        ByteBuffer header = header(channels, frames, metadata);
        long dataBytes = frames * channels * (BITS / 8);
        this.fileSize = header.remaining() + dataBytes + (padded(dataBytes) ? 1 : 0);
        try {
            out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            sha.update(header.duplicate());
            writeFully(header);
        } catch (IOException e) {
            close();
            throw failed(e);
        }
    }

    /** Appends {@code frames} interleaved frames of {@code samples}. */
    void write(float[] samples, int frames) throws MixException {
        count(frames);
        int n = frames * channels;
        for (int i = 0; i < n; i++) {
            int v = Pcm.toS32(samples[i]) >> 8;
            buffer[filled] = (byte) v;
            buffer[filled + 1] = (byte) (v >> 8);
            buffer[filled + 2] = (byte) (v >> 16);
            filled += 3;
            if (filled == buffer.length) {
                flush();
            }
        }
    }

    /** Appends {@code frames} frames of digital silence. */
    void silence(long frames) throws MixException {
        count(frames);
        flush();
        for (long left = frames * channels * (BITS / 8); left > 0; ) {
            int n = (int) Math.min(left, ZEROS.length);
            put(ZEROS, n);
            left -= n;
        }
    }

    /** Completes the file (its pad byte, if any) and says what it holds. */
    FileDigest finish() throws MixException {
        if (written != frames) {
            throw new MixException(file.getFileName() + " was to hold " + frames + " frames, " + written
                    + " were written");
        }
        flush();
        if (padded(frames * channels * (BITS / 8))) {
            put(new byte[1], 1);
        }
        try {
            if (out.position() != fileSize) {
                throw new IllegalStateException("wrote " + out.position() + " bytes of " + fileSize);
            }
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
        return FileDigest.of(sha, fileSize);
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // the file is finished or abandoned already: nothing left to lose
        }
    }

    private void count(long n) throws MixException {
        if (n < 0 || written + n > frames) {
            throw new MixException(file.getFileName() + " holds " + frames + " frames: " + written + " written, "
                    + n + " more given");
        }
        written += n;
    }

    private void flush() throws MixException {
        if (filled > 0) {
            put(buffer, filled);
            filled = 0;
        }
    }

    private void put(byte[] bytes, int n) throws MixException {
        sha.update(bytes, 0, n);
        try {
            writeFully(ByteBuffer.wrap(bytes, 0, n));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    private MixException failed(IOException e) {
        return new MixException("cannot write " + file.getFileName() + ": " + e.getMessage(), e);
    }

    /** FFmpeg ends a data chunk of odd size with a pad byte, unless it is too large for a RIFF size field. */
    private static boolean padded(long dataBytes) {
        return (dataBytes & 1) == 1 && dataBytes < RIFF_MAX;
    }

    /**
     * Everything before the first sample, sizes final: what FFmpeg's {@code wav_write_header} writes
     * and its {@code wav_write_trailer} fills in (RF64 and ds64 when the file passes 4 GiB).
     */
    private static ByteBuffer header(int channels, long frames, Map<String, String> metadata) {
        byte[] info = info(metadata);
        int blockAlign = BITS / 8 * channels;
        long dataBytes = frames * blockAlign;
        int length = 12 + (8 + 28) + (8 + 40) + info.length + 8;
        long fileSize = length + dataBytes + (padded(dataBytes) ? 1 : 0);
        boolean rf64 = fileSize - 8 > RIFF_MAX;
        ByteBuffer h = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        h.put(ascii(rf64 ? "RF64" : "RIFF")).putInt(rf64 ? -1 : (int) (fileSize - 8)).put(ascii("WAVE"));
        if (rf64) {
            h.put(ascii("ds64")).putInt(28).putLong(fileSize - 8).putLong(fileSize - length).putLong(frames).putInt(0);
        } else {
            h.put(ascii("JUNK")).putInt(28).put(new byte[28]);
        }
        h.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) channels)
                .putInt(DialogueStem.RATE).putInt(DialogueStem.RATE * blockAlign).putShort((short) blockAlign)
                .putShort((short) BITS).putShort((short) 22).putShort((short) BITS).putInt(channelMask(channels));
        for (int g : PCM_GUID) {
            h.putInt(g);
        }
        h.put(info);
        h.put(ascii("data")).putInt(rf64 || dataBytes >= RIFF_MAX ? -1 : (int) dataBytes);
        return h.flip();
    }

    /** The LIST/INFO chunk: the tags given and FFmpeg's name as the encoder, each a NUL-ended string. */
    private static byte[] info(Map<String, String> metadata) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Map.Entry<String, String> t : INFO_TAGS.entrySet()) {
            String value = t.getKey().equals("encoder") ? libavformatIdent() : metadata.get(t.getKey());
            if (value != null && !value.isEmpty()) {
                tags.put(t.getValue(), value);
            }
        }
        ByteBuffer b = ByteBuffer.allocate(12 + tags.entrySet().stream()
                .mapToInt(t -> 9 + bytes(t.getValue()).length + 1).sum()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("LIST")).putInt(0).put(ascii("INFO"));
        for (Map.Entry<String, String> t : tags.entrySet()) {
            byte[] text = bytes(t.getValue());
            int size = text.length + 1;
            b.put(ascii(t.getKey())).putInt(size).put(text).put((byte) 0);
            if ((size & 1) == 1) {
                b.put((byte) 0);
            }
        }
        b.putInt(4, b.position() - 8);
        return Arrays.copyOf(b.array(), b.position());
    }

    /**
     * A tag's bytes as JavaCV hands them to FFmpeg: in the platform's default charset
     * ({@code FrameRecorder.charset}), which is what the files have always carried.
     */
    private static byte[] bytes(String value) {
        return value.getBytes(Charset.defaultCharset());
    }

    /** {@code LIBAVFORMAT_IDENT}, "Lavf" and the version of the FFmpeg JavaCV brings: the muxer's {@code encoder}. */
    private static String libavformatIdent() {
        int v = avformat.avformat_version();
        return "Lavf" + (v >> 16) + "." + (v >> 8 & 0xff) + "." + (v & 0xff);
    }

    /** FFmpeg's default layout for the channel count, as its encoder had it (mono FC, stereo FL FR, 5.1 with sides). */
    private static int channelMask(int channels) {
        AVChannelLayout layout = new AVChannelLayout();
        try {
            avutil.av_channel_layout_default(layout, channels);
            long mask = layout.order() == avutil.AV_CHANNEL_ORDER_NATIVE ? layout.u_mask() : 0;
            return mask < 0x40000 ? (int) mask : 0;
        } finally {
            avutil.av_channel_layout_uninit(layout);
            layout.close();
        }
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }

    private static Map<String, String> infoTags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("artist", "IART");
        m.put("comment", "ICMT");
        m.put("copyright", "ICOP");
        m.put("date", "ICRD");
        m.put("genre", "IGNR");
        m.put("language", "ILNG");
        m.put("title", "INAM");
        m.put("album", "IPRD");
        m.put("track", "IPRT");
        m.put("encoder", "ISFT");
        m.put("encoded_by", "ITCH");
        return java.util.Collections.unmodifiableMap(m);
    }
}
