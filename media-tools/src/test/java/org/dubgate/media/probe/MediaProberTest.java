package org.dubgate.media.probe;

import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class MediaProberTest {

    private final MediaProber prober = new MediaProber();

    @TempDir
    Path tmp;

    static Stream<Path> gridClips() throws IOException {
        return TestMedia.gridClips();
    }

    @ParameterizedTest
    @MethodSource("gridClips")
    void probesGridClip(Path clip) throws Exception {
        MediaProbe probe = prober.probe(clip);

        assertEquals("mpeg", probe.container());
        assertEquals(3.0, probe.durationSeconds(), 0.05);
        assertEquals(Files.size(clip), probe.sizeBytes());
        StreamInfo.Video video = probe.firstVideo().orElseThrow();
        assertEquals("mpeg1video", video.codec());
        assertEquals(360, video.width());
        assertEquals(288, video.height());
        assertEquals(25.0, video.frameRate(), 0.001);
        assertEquals(1, probe.audioStreams().size());
        StreamInfo.Audio audio = probe.firstAudio().orElseThrow();
        assertEquals("mp2", audio.codec());
        assertEquals(44100, audio.sampleRate());
        assertEquals(2, audio.channels());
        assertEquals("stereo", audio.channelLayout());
    }

    @Test
    void jsonCarriesEveryStream() throws Exception {
        Path clip = TestMedia.gridClips().findFirst().orElseThrow();
        String json = prober.probe(clip).toJson();
        assertTrue(json.startsWith("{\"container\":\"mpeg\""), json);
        assertTrue(json.contains("\"type\":\"video\",\"codec\":\"mpeg1video\",\"language\":null"), json);
        assertTrue(json.contains("\"width\":360,\"height\":288,\"frameRate\":25.0"), json);
        assertTrue(json.contains("\"sampleRate\":44100,\"channels\":2,\"channelLayout\":\"stereo\""), json);
    }

    @ParameterizedTest
    @MethodSource("gridClips")
    void truncatedClipIsRejected(Path clip) throws Exception {
        Path cut = TestMedia.truncatedCopy(clip, 0.5, tmp);
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(cut));
        assertEquals(ProbeException.Reason.TRUNCATED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("cut short"), e.getMessage());
    }

    @Test
    void textFileNamedMp4IsNotMedia() throws Exception {
        Path fake = Files.writeString(tmp.resolve("holiday.mp4"), "This is a shopping list, not a film.\n",
                StandardCharsets.UTF_8);
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(fake));
        assertEquals(ProbeException.Reason.NOT_MEDIA, e.reason());
        assertTrue(e.getMessage().startsWith("holiday.mp4: not a recognised audio or video file"), e.getMessage());
    }

    @Test
    void randomBytesAreNotMedia() throws Exception {
        byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        Path file = Files.write(tmp.resolve("noise.mkv"), noise);
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(file));
        assertEquals(ProbeException.Reason.NOT_MEDIA, e.reason(), e.getMessage());
    }

    @Test
    void playlistThatPointsAtLocalFilesIsRefused() throws Exception {
        // An HLS playlist is a classic way to make a prober read arbitrary files; it must not be opened.
        Path playlist = Files.writeString(tmp.resolve("evil.mp4"),
                "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n");
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(playlist));
        assertEquals(ProbeException.Reason.NOT_MEDIA, e.reason());
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.wav"));
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(empty));
        assertEquals(ProbeException.Reason.EMPTY, e.reason());
        assertTrue(e.reason().isContentProblem());
    }

    @Test
    void missingFileIsMissing() {
        ProbeException e = assertThrows(ProbeException.class, () -> prober.probe(tmp.resolve("nope.mpg")));
        assertEquals(ProbeException.Reason.MISSING, e.reason());
        assertFalse(e.reason().isContentProblem());
    }
}
