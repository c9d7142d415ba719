package org.dubgate.media.avsync;

import org.bytedeco.ffmpeg.global.avutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Scores how far a video's sound is offset from its picture (see the package doc for the method and the
 * sign convention). Stateless and thread-safe: each call opens its own decoders and detector.
 *
 * <pre>{@code
 * AvSyncResult r = AvSync.score(video, Optional.empty());   // the video's own audio
 * AvSyncResult d = AvSync.score(video, Optional.of(dubWav)); // a separate track, starting with the first frame
 * boolean established = d.confidence() >= minAgreement && d.sync().distinctness() >= minDistinctness;
 * }</pre>
 * The thresholds are the caller's: {@link SyncPeak} says what GRID gave for true and mismatched sound.
 */
public final class AvSync {

    static {
        // FFmpeg's own log goes to stderr, which inside a server is noise; failures are reported by us
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
    }

    private static final String NO_AUDIO = "no audio stream";
    private static final String NO_OWN_AUDIO = "no audio stream: give the audio as a separate file";

    private AvSync() {
    }

    /** {@link #score(Path, Optional, AvSyncSettings)} with {@link AvSyncSettings#DEFAULTS}. */
    public static AvSyncResult score(Path video, Optional<Path> audio) throws AvSyncException {
        return score(video, audio, AvSyncSettings.DEFAULTS);
    }

    /**
     * @param video the picture, and the sound too unless {@code audio} is given
     * @param audio a separate sound track whose first sample plays with the video's first frame
     * @throws AvSyncException a file is missing or unreadable, has no video (or audio) stream, no face is found,
     *                         no shot has {@link AvSyncSettings#minShotSeconds()} of face, or the audio is silent
     */
    public static AvSyncResult score(Path video, Optional<Path> audio, AvSyncSettings settings) throws AvSyncException {
        checkReadable(video);
        if (audio.isPresent()) {
            checkReadable(audio.get());
        }
        // before the long pass over the picture
        AudioEnvelope.requireAudio(audio.orElse(video), audio.isPresent() ? NO_AUDIO : NO_OWN_AUDIO);
        return score(picture(video, settings), audio);
    }

    /**
     * The picture's side of the score, decoded once: see {@link Picture}.
     *
     * @throws AvSyncException the file is missing or unreadable, has no video stream, or no face in any frame
     */
    public static Picture picture(Path video, AvSyncSettings settings) throws AvSyncException {
        checkReadable(video);
        VideoTrack track = VideoTrack.measure(video, settings);
        if (track.measuredFrames(0, track.frames()) == 0) {
            throw new AvSyncException(video, AvSyncException.Reason.NO_FACE,
                    "no face found in any of its " + track.frames() + " frames");
        }
        return new Picture(video, track, settings);
    }

    /** The sync of {@code audio} (or the video's own audio) against a picture measured before. */
    public static AvSyncResult score(Picture picture, Optional<Path> audio) throws AvSyncException {
        VideoTrack track = picture.track();
        Path video = picture.video();
        if (audio.isEmpty() && !track.hasAudio()) {
            throw new AvSyncException(video, AvSyncException.Reason.NO_AUDIO, NO_OWN_AUDIO);
        }
        if (audio.isPresent()) {
            checkReadable(audio.get());
        }
        AudioEnvelope sound = AudioEnvelope.measure(audio.orElse(video), audio.isEmpty(), track.startMicros(),
                track.framePeriod());
        AvSyncSettings settings = picture.settings();
        LagScan.Scan scan = LagScan.scan(track, sound, settings);
        if (scan.pooled().isEmpty()) {
            throw new AvSyncException(video, AvSyncException.Reason.TOO_SHORT, String.format(Locale.ROOT,
                    "no shot has %.1f s of picture with a face and sound beside it (%d of %d frames have a face)",
                    settings.minShotSeconds(), picture.faceFrames(), track.frames()));
        }
        return new AvSyncResult(scan.pooled().get(), track.frames(), picture.faceFrames(), track.frameRate(),
                track.durationSeconds(), audio.isEmpty(), settings.maxLagMs(), scan.shots());
    }

    private static void checkReadable(Path file) throws AvSyncException {
        if (!Files.exists(file)) {
            throw new AvSyncException(file, AvSyncException.Reason.MISSING, "no such file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new AvSyncException(file, AvSyncException.Reason.UNREADABLE, "not a readable file");
        }
    }
}
