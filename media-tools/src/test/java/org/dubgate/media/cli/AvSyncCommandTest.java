package org.dubgate.media.cli;

import jakarta.json.JsonObject;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.dubgate.media.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code media-tools avsync}: its JSON on a real talking face, and one clear line and exit code for each bad input. */
class AvSyncCommandTest {

    @TempDir
    Path tmp;

    private final CliRun cli = new CliRun();

    private static Path clip() throws Exception {
        return TestMedia.gridClips().findFirst().orElseThrow();
    }

    /** Two seconds of moving stripes (no face), with a 440 Hz tone unless {@code withAudio} is false. */
    private Path faceless(String name, boolean withAudio) throws Exception {
        Path file = tmp.resolve(name);
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 160, 120, withAudio ? 1 : 0)) {
            r.setFormat("mp4");
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(25);
            r.setVideoBitrate(400_000);
            if (withAudio) {
                r.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                r.setSampleRate(48_000);
            }
            r.start();
            Frame frame = new Frame(160, 120, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) frame.image[0];
            short[] tone = new short[48_000 / 25];
            for (int i = 0; i < 50; i++) {
                for (int p = 0; p < pixels.capacity(); p++) {
                    pixels.put(p, (byte) ((p / 3 % 160 + i * 4) & 0xff));
                }
                r.record(frame);
                if (withAudio) {
                    for (int s = 0; s < tone.length; s++) {
                        tone[s] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (i * tone.length + s) / 48_000.0));
                    }
                    r.recordSamples(48_000, 1, ShortBuffer.wrap(tone));
                }
            }
            r.stop();
        }
        return file;
    }

    @Test
    void printsTheOffsetOfAClipsOwnAudio() throws Exception {
        assertEquals(MediaToolsCli.OK, cli.run("avsync", clip().toString()), cli.stderr().strip());
        JsonObject j = cli.json();
        assertTrue(Math.abs(j.getInt("offsetMs")) <= 40, j.toString());
        double confidence = j.getJsonNumber("confidence").doubleValue();
        assertTrue(confidence > 0 && confidence <= 1, j.toString());
        assertEquals("own", j.getString("audio"));
        assertEquals(75, j.getInt("frames"));
        assertEquals(500, j.getInt("maxLagMs"));
        assertEquals(1, j.getJsonArray("shots").size(), "one shot: GRID has no cut");
        JsonObject shot = j.getJsonArray("shots").getJsonObject(0);
        assertEquals(0, shot.getInt("startFrame"));
        assertEquals(75, shot.getInt("endFrame"));
        assertEquals(3.0, shot.getJsonNumber("end").doubleValue(), 1e-9);
        assertEquals(j.getInt("offsetMs"), shot.getInt("offsetMs"));
        assertEquals("", cli.stderr().strip());
    }

    @Test
    void takesTheAudioFromASecondFile() throws Exception {
        Path stripes = faceless("stripes.mp4", true);
        // a face-less video with a face's sound: the picture has no face, whatever the sound
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", stripes.toString(), clip().toString()));
        assertEquals("media-tools: NO_FACE: stripes.mp4: no face found in any of its 50 frames", cli.stderr().strip());
        cli.resetErr();
        // the clip's picture with its own file as the separate sound: the same answer as its own audio
        assertEquals(MediaToolsCli.OK, cli.run("avsync", clip().toString(), clip().toString()), cli.stderr().strip());
        assertEquals("separate", cli.json().getString("audio"));
        assertTrue(Math.abs(cli.json().getInt("offsetMs")) <= 40, cli.json().toString());
    }

    @Test
    void eachBadInputExitsWithOneLineSayingWhy() throws Exception {
        assertEquals(MediaToolsCli.UNREADABLE, cli.run("avsync", tmp.resolve("absent.mp4").toString()));
        assertEquals("media-tools: MISSING: absent.mp4: no such file", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.UNREADABLE, cli.run("avsync", clip().toString(), tmp.resolve("dub.wav").toString()));
        assertEquals("media-tools: MISSING: dub.wav: no such file", cli.stderr().strip());
        cli.resetErr();
        Path silence = TestMedia.wav(tmp.resolve("silence.wav"), 16_000, 1, new short[3 * 16_000]);
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", silence.toString()));
        assertEquals("media-tools: NO_VIDEO: silence.wav: no video stream", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", faceless("stripes.mp4", true).toString()));
        assertEquals("media-tools: NO_FACE: stripes.mp4: no face found in any of its 50 frames", cli.stderr().strip());
        cli.resetErr();
        Path mute = faceless("mute.mp4", false);
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", mute.toString()));
        assertEquals("media-tools: NO_AUDIO: mute.mp4: no audio stream: give the audio as a second argument", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", clip().toString(), mute.toString()));
        assertEquals("media-tools: NO_AUDIO: mute.mp4: no audio stream", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.BAD_MEDIA, cli.run("avsync", clip().toString(), silence.toString()));
        assertEquals("media-tools: SILENT: silence.wav: the audio is silent: nothing to match the mouth with", cli.stderr().strip());
        assertEquals("", cli.stdout());
    }

    @Test
    void wrongArgumentsExitTwo() {
        assertEquals(MediaToolsCli.USAGE, cli.run("avsync"));
        assertEquals("media-tools: usage: media-tools avsync VIDEO [AUDIO]", cli.stderr().strip());
        cli.resetErr();
        assertEquals(MediaToolsCli.USAGE, cli.run("avsync", "a.mp4", "b.wav", "c.wav"));
        assertEquals(MediaToolsCli.USAGE, cli.run());
        assertTrue(cli.stderr().strip().contains("media-tools avsync VIDEO [AUDIO]"), cli.stderr().strip());
    }
}
