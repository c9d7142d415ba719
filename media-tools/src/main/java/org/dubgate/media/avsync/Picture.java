package org.dubgate.media.avsync;

import java.nio.file.Path;

/**
 * A video's picture measured once (its mouth motion per frame and its shots), to score one or more sound
 * tracks against without decoding the picture again: a video's own audio and each language dubbed onto it.
 * Made by {@link AvSync#picture}; holds 16 bytes a frame, no frames.
 */
public final class Picture {

    private final Path video;
    private final VideoTrack track;
    private final AvSyncSettings settings;

    Picture(Path video, VideoTrack track, AvSyncSettings settings) {
        this.video = video;
        this.track = track;
        this.settings = settings;
    }

    public Path video() {
        return video;
    }

    public AvSyncSettings settings() {
        return settings;
    }

    public int frames() {
        return track.frames();
    }

    /** Frames whose mouth motion was measured. */
    public int faceFrames() {
        return track.measuredFrames(0, track.frames());
    }

    /** Shots found: 1 plus the scene cuts. */
    public int shots() {
        return track.shotStarts().length;
    }

    public boolean hasAudio() {
        return track.hasAudio();
    }

    VideoTrack track() {
        return track;
    }
}
