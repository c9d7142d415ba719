package org.dubgate.media.mix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Sources decoded once: the samples a {@link PcmReader} made of a source (48 kHz, a fixed layout),
 * kept in a folder so every later reader of the same file in the same layout — the other stages of
 * a language (the bed's loudness, the full mix, CHECK's original level) and every other language —
 * reads them back instead of decoding the source again. A 10-minute AAC source costs about half a
 * second to decode and a twentieth of that to read back.
 *
 * <p>What is read back is exactly what the decoder gave, bit for bit: a 48 kHz source decodes to
 * 16-bit steps (FFmpeg converts its 16-bit samples to float by a power of two), so it is kept as
 * 16-bit — every sample checked, the file given up if one is not such a step; anything resampled is
 * kept as 32-bit float. A file is published (renamed into place) only once its decoder reached the
 * end, so a reader never finds half a source; two decoders of the same source at once both write
 * the same file, and the last to finish replaces the first's.
 *
 * <p>Bounded: a source whose samples would not fit in the limit, or in the disk's free space less a
 * reserve, is not kept; past the limit the least recently read files are removed (a reader holding
 * one open keeps reading it). Keys name the file's path, size and modification time, so a changed
 * file is never served stale — dubgate's stores are content-addressed, so their files never change.
 *
 * <p>Off unless {@link #keepIn} was called: the server keeps its sources under its data folder;
 * the CLI decodes as before.
 */
public final class DecodedAudio {

    private static final Logger LOG = Logger.getLogger(DecodedAudio.class.getName());
    /** Bumped when what a file holds changes, so files of an older layout are never read. */
    private static final String VERSION = "1";
    private static final String S16 = ".s16";
    private static final String F32 = ".f32";
    private static final String PART = ".part";
    /** Free space left on the disk whatever the limit says: work files and stores need it more. */
    static final long DISK_RESERVE = 2L << 30;

    private static volatile DecodedAudio shared;

    private final Path folder;
    private final long maxBytes;

    private DecodedAudio(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    /**
     * Keeps decoded sources in {@code folder}, at most {@code maxBytes} of them (0 turns keeping off);
     * removes what a killed writer left half-written there.
     */
    public static void keepIn(Path folder, long maxBytes) throws IOException {
        if (maxBytes <= 0) {
            shared = null;
            return;
        }
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(PART)).toList()) {
                Files.deleteIfExists(p);
            }
        }
        shared = new DecodedAudio(folder, maxBytes);
    }

    /** Stops keeping decoded sources (the files already kept stay until the folder is reused). */
    public static void off() {
        shared = null;
    }

    /**
     * Removes what is kept of {@code file} decoded to {@code layout}, if anything: for a source about to
     * be deleted (the server's warm-up mixes a generated one), whose decoding no one will ask for again.
     */
    public static void forget(Path file, String layout, int channels) throws IOException {
        DecodedAudio store = shared;
        if (store == null) {
            return;
        }
        Key key = Key.of(file, layout, channels);
        for (String suffix : List.of(S16, F32)) {
            Files.deleteIfExists(store.folder.resolve(key.name() + suffix));
        }
    }

    static Optional<DecodedAudio> shared() {
        return Optional.ofNullable(shared);
    }

    /** What identifies one decoding: the file as it is now, and the layout it is decoded to. */
    record Key(String name) {

        static Key of(Path file, String layout, int channels) throws IOException {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            String identity = String.join("\n", VERSION, file.toAbsolutePath().normalize().toString(),
                    Long.toString(a.size()), Long.toString(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS)),
                    layout, Integer.toString(channels), Integer.toString(DialogueStem.RATE));
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
                return new Key(HexFormat.of().formatHex(h));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has SHA-256", e);
            }
        }
    }

    /** The kept samples of {@code key}, if a whole decoding of it was kept. */
    Optional<Kept> find(Key key) {
        for (String suffix : List.of(S16, F32)) {
            Path p = folder.resolve(key.name() + suffix);
            try {
                FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
                try {
                    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis())); // recently read
                } catch (IOException ignored) {
                    // the order of removal is only a preference
                }
                return Optional.of(new Kept(ch, suffix.equals(S16) ? 2 : 4));
            } catch (NoSuchFileException e) {
                // not kept in this form
            } catch (IOException e) {
                LOG.warning(() -> "cannot read the decoded " + p + ", decoding again: " + e);
            }
        }
        return Optional.empty();
    }

    /**
     * A writer for the decoding of {@code key} that is starting, when it may be kept: {@code frames}
     * is how many the source will give (an estimate from its duration), {@code steps16} whether its
     * samples will be 16-bit steps.
     */
    Optional<Writer> begin(Key key, long frames, int channels, boolean steps16) {
        int bytes = steps16 ? 2 : 4;
        long size = frames * channels * bytes;
        try {
            if (size > maxBytes || Files.getFileStore(folder).getUsableSpace() - size < DISK_RESERVE) {
                return Optional.empty();
            }
            Path part = folder.resolve(key.name() + "." + UUID.randomUUID() + PART);
            return Optional.of(new Writer(key, part, FileChannel.open(part, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), bytes));
        } catch (IOException e) {
            LOG.warning(() -> "cannot keep a decoded source in " + folder + ": " + e);
            return Optional.empty();
        }
    }

    /** Removes the least recently read files until what is kept fits the limit again. */
    private void trim() {
        record File(Path path, long readMillis, long size) {
        }
        List<File> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(S16) || n.endsWith(F32)) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        kept.add(new File(p, a.lastModifiedTime().toMillis(), a.size()));
                    } catch (NoSuchFileException gone) {
                        // removed by another trim meanwhile
                    }
                }
            }
            long total = kept.stream().mapToLong(File::size).sum();
            kept.sort(Comparator.comparingLong(File::readMillis));
            for (int i = 0; i < kept.size() && total > maxBytes; i++) {
                Files.deleteIfExists(kept.get(i).path());
                total -= kept.get(i).size();
            }
        } catch (IOException e) {
            LOG.warning(() -> "cannot trim the decoded sources in " + folder + ": " + e);
        }
    }

    /** Kept samples being read back, in blocks. */
    static final class Kept implements AutoCloseable {

        private final FileChannel channel;
        private final int bytesPerSample;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);

        private Kept(FileChannel channel, int bytesPerSample) {
            this.channel = channel;
            this.bytesPerSample = bytesPerSample;
        }

        /** Reads up to {@code into.length} samples; returns how many, 0 at the end. */
        int read(float[] into) throws IOException {
            buffer.clear().limit(Math.min(buffer.capacity(), into.length * bytesPerSample));
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // fill the block
            }
            buffer.flip();
            int n = buffer.remaining() / bytesPerSample;
            if (bytesPerSample == 2) {
                for (int i = 0; i < n; i++) {
                    into[i] = buffer.getShort() / 32768f;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    into[i] = buffer.getFloat();
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /** One decoding being kept as it goes; published by {@link #complete}, thrown away by {@link #abandon}. */
    final class Writer {

        private final Key key;
        private final Path part;
        private final FileChannel channel;
        private final int bytesPerSample;
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        private boolean failed;

        private Writer(Key key, Path part, FileChannel channel, int bytesPerSample) {
            this.key = key;
            this.part = part;
            this.channel = channel;
            this.bytesPerSample = bytesPerSample;
        }

        /** Keeps {@code n} samples; gives up (and says so) when one is not what the file's form can hold exactly. */
        boolean write(float[] samples, int n) {
            if (failed) {
                return false;
            }
            try {
                for (int i = 0; i < n; i++) {
                    if (buffer.remaining() < bytesPerSample) {
                        flush();
                    }
                    float v = samples[i];
                    if (bytesPerSample == 2) {
                        float scaled = v * 32768f;
                        short s = (short) scaled;
                        if (s != scaled || Float.floatToRawIntBits(s / 32768f) != Float.floatToRawIntBits(v)) {
                            abandon();
                            return false; // not a 16-bit step: this source is decoded again next time
                        }
                        buffer.putShort(s);
                    } else {
                        buffer.putFloat(v);
                    }
                }
                return true;
            } catch (IOException e) {
                LOG.warning(() -> "cannot keep the decoded source in " + part + ": " + e);
                abandon();
                return false;
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        /** The decoder reached the end: the file goes into place for the next reader. */
        void complete() {
            if (failed) {
                return;
            }
            try {
                flush();
                channel.force(true); // on disk before it is renamed into place: a crash leaves no short file
                channel.close();
                Path kept = folder.resolve(key.name() + (bytesPerSample == 2 ? S16 : F32));
                try {
                    Files.move(part, kept, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    Files.deleteIfExists(part); // another decoder of the same source finished first
                }
                trim();
            } catch (IOException e) {
                LOG.warning(() -> "cannot keep the decoded source " + part + ": " + e);
                abandon();
            }
        }

        /** The decoding stopped before the end, or cannot be kept: nothing of it stays. */
        void abandon() {
            failed = true;
            try {
                channel.close();
                Files.deleteIfExists(part);
            } catch (IOException e) {
                LOG.warning(() -> "cannot remove " + part + ": " + e);
            }
        }
    }
}
