package org.dubgate.media.cli;

import org.dubgate.media.avsync.AvSync;
import org.dubgate.media.avsync.AvSyncException;
import org.dubgate.media.avsync.AvSyncResult;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.ProbeException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code media-tools avsync VIDEO [AUDIO]}: prints how far the sound is offset from the picture as JSON
 * ({@link AvSyncResult#toJson()}): {@code offsetMs} positive when the audio is late (advance it by that
 * much), {@code confidence} 0..1, and each shot's own figures. The sound is VIDEO's own audio, or AUDIO
 * when given, whose first sample plays with VIDEO's first frame.
 *
 * <p>Both files are probed first, so a missing, empty, truncated or non-media file fails as it does for
 * {@code probe}, with the same exit code and line. Then: VIDEO without a video stream, no audio to use,
 * no face in any frame, too little of it, or silent audio each exit 4 with one line saying which.
 */
final class AvSyncCommand {

    static final String USAGE = "media-tools avsync VIDEO [AUDIO]";

    private AvSyncCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || args.length > 3) {
            err.println("media-tools: usage: " + USAGE);
            return MediaToolsCli.USAGE;
        }
        Path video = Path.of(args[1]);
        Optional<Path> audio = args.length == 3 ? Optional.of(Path.of(args[2])) : Optional.empty();
        try {
            MediaProbe picture = new MediaProber().probe(video);
            if (picture.videoStreams().isEmpty()) {
                err.println("media-tools: NO_VIDEO: " + video.getFileName() + ": no video stream");
                return MediaToolsCli.BAD_MEDIA;
            }
            if (audio.isPresent()) {
                if (new MediaProber().probe(audio.get()).audioStreams().isEmpty()) {
                    err.println("media-tools: NO_AUDIO: " + audio.get().getFileName() + ": no audio stream");
                    return MediaToolsCli.BAD_MEDIA;
                }
            } else if (picture.audioStreams().isEmpty()) {
                err.println("media-tools: NO_AUDIO: " + video.getFileName()
                        + ": no audio stream: give the audio as a second argument");
                return MediaToolsCli.BAD_MEDIA;
            }
            out.println(AvSync.score(video, audio).toJson());
            return MediaToolsCli.OK;
        } catch (ProbeException e) {
            err.println("media-tools: " + e.reason() + ": " + e.getMessage());
            return e.reason().isContentProblem() ? MediaToolsCli.BAD_MEDIA : MediaToolsCli.UNREADABLE;
        } catch (AvSyncException e) {
            err.println("media-tools: " + e.reason() + ": " + e.getMessage());
            return e.reason().isContentProblem() ? MediaToolsCli.BAD_MEDIA : MediaToolsCli.UNREADABLE;
        }
    }
}
