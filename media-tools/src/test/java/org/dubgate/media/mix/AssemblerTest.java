package org.dubgate.media.mix;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.dubgate.media.TestMedia;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.StreamInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.*;
import static org.bytedeco.ffmpeg.global.avformat.*;
import static org.bytedeco.ffmpeg.global.avutil.*;
import static org.junit.jupiter.api.Assertions.*;

class AssemblerTest {

    @TempDir
    Path tmp;

    /** SHA-256 of every packet of the first video stream, in order. */
    static List<String> videoPacketHashes(Path file) throws Exception {
        AVFormatContext ctx = new AVFormatContext(null);
        assertTrue(avformat_open_input(ctx, file.toString(), null, null) >= 0);
        avformat_find_stream_info(ctx, (PointerPointer<?>) null);
        int video = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.ffmpeg.avcodec.AVCodec) null, 0);
        List<String> hashes = new ArrayList<>();
        AVPacket p = av_packet_alloc();
        while (av_read_frame(ctx, p) >= 0) {
            if (p.stream_index() == video) {
                byte[] data = new byte[p.size()];
                p.data().get(data);
                hashes.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
            }
            av_packet_unref(p);
        }
        av_packet_free(p);
        avformat_close_input(ctx);
        return hashes;
    }

    static String containerTag(Path file, String key) {
        AVFormatContext ctx = new AVFormatContext(null);
        avformat_open_input(ctx, file.toString(), null, null);
        AVDictionaryEntry e = av_dict_get(ctx.metadata(), key, null, 0);
        String value = e == null || e.isNull() ? null : e.value().getString();
        avformat_close_input(ctx);
        return value;
    }

    @Test
    void pictureIsCopiedBitForBitAndDubsAreTaggedTracks() throws Exception {
        Path source = TestMedia.gridClips().findFirst().orElseThrow();
        short[] tone = new short[3 * 48_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (6000 * Math.sin(2 * Math.PI * 300 * i / 48_000.0));
        }
        Path line = DialogueStemTest.wav(tmp.resolve("line.wav"), 48_000, tone);
        Path es = tmp.resolve("es.wav");
        Path fr = tmp.resolve("fr.wav");
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ZERO, 1.0)), Duration.ofSeconds(3), es);
        DialogueStem.render(List.of(new DialogueStem.Line(line, Duration.ofMillis(500), 1.0)), Duration.ofSeconds(3), fr);
        Path out = tmp.resolve("delivery.mkv");

        Assembler.assemble(source, "eng", List.of(new Assembler.DubTrack(es, "spa", "Español (AI dub)"),
                new Assembler.DubTrack(fr, "fre", "Français (AI dub)")), "manifest.json", out);

        assertEquals(videoPacketHashes(source), videoPacketHashes(out), "the picture is never re-encoded");
        MediaProbe in = new MediaProber().probe(source);
        MediaProbe probe = new MediaProber().probe(out);
        assertTrue(probe.container().contains("matroska"), probe.container());
        assertEquals(in.durationSeconds(), probe.durationSeconds(), 0.04, "within one frame of the source");
        List<StreamInfo.Audio> audio = probe.audioStreams();
        assertEquals(3, audio.size());
        assertEquals(List.of("eng", "spa", "fre"), audio.stream().map(a -> a.language().orElse("?")).toList());
        assertEquals("pcm_s24le", audio.get(1).codec(), "the mix is carried as is, not re-encoded");
        assertEquals("mp2", audio.get(0).codec(), "the original audio is copied too");
        assertEquals("true", containerTag(out, "AI_GENERATED_DIALOGUE"));
        assertEquals("manifest.json", containerTag(out, "DUBGATE_MANIFEST"));
    }
}
