package org.dubgate.media.qa;

import org.dubgate.media.voice.EspeakNg;
import org.dubgate.media.voice.Flite;
import org.dubgate.media.voice.VoiceSettings;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Test lines spoken by the real Debian engines through {@code org.dubgate.media.voice}, and 16-bit
 * mono WAV files read and written whole (test files are a few seconds long) to damage them on purpose.
 */
final class Lines {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Pcm(short[] samples, int rate) {
    }

    private Lines() {
    }

    static void assumeInstalled(String binary) {
        Assumptions.assumeTrue(ScriptConformance.onPath(binary).isPresent(), binary + " not installed: run bin/setup-system");
    }

    static Path flite(String text, Path wav) throws Exception {
        assumeInstalled("flite");
        return new Flite().synthesize(text, "en-US", VoiceSettings.DEFAULT, wav, TIMEOUT).wav();
    }

    static Path espeak(String text, String language, Path wav) throws Exception {
        assumeInstalled("espeak-ng");
        return new EspeakNg().synthesize(text, language, VoiceSettings.DEFAULT, wav, TIMEOUT).wav();
    }

    /** The samples of a 16-bit mono PCM WAV (the engines write those). */
    static Pcm read(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int rate = 0;
        int pos = 12;
        while (pos + 8 <= b.limit()) {
            String id = new String(b.array(), pos, 4, StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("fmt ")) {
                if (b.getShort(pos + 10) != 1 || b.getShort(pos + 22) != 16) {
                    throw new IOException(wav + " is not 16-bit mono PCM");
                }
                rate = b.getInt(pos + 12);
            } else if (id.equals("data")) {
                int end = size <= 0 || pos + 8L + size > b.limit() ? b.limit() : pos + 8 + size;
                short[] s = new short[(end - pos - 8) / 2];
                for (int i = 0; i < s.length; i++) {
                    s[i] = b.getShort(pos + 8 + 2 * i);
                }
                return new Pcm(s, rate);
            }
            pos += 8 + size + (size & 1);
        }
        throw new IOException(wav + " has no data chunk");
    }

    static Path write(Pcm pcm, Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.samples().length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * pcm.samples().length)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(pcm.rate()).putInt(2 * pcm.rate()).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * pcm.samples().length);
        for (short s : pcm.samples()) {
            b.putShort(s);
        }
        Files.write(wav, b.array());
        return wav;
    }

    /** Where the loudest stretch of this length starts: the middle of a word, wherever the engine put it. */
    static int loudest(short[] s, int length) {
        double sum = 0;
        double best = -1;
        int at = 0;
        for (int i = 0; i < s.length; i++) {
            sum += (double) s[i] * s[i];
            if (i >= length) {
                sum -= (double) s[i - length] * s[i - length];
            }
            if (i >= length - 1 && sum > best) {
                best = sum;
                at = i - length + 1;
            }
        }
        return at;
    }
}
