package org.dubgate.media.avsync;

import java.util.Optional;

/**
 * One shot (the frames between two scene cuts) and its own sync, if it had enough picture with a face.
 *
 * @param startFrame   first frame, counted from 0
 * @param endFrame     the frame after the last
 * @param startSeconds presentation time of the first frame, from the first frame of the video
 * @param endSeconds   the end of its last frame
 * @param faceFrames   frames whose mouth motion was measured (a face was tracked in them and the frame before)
 * @param sync         the shot's own peak; empty when it had under {@link AvSyncSettings#minShotSeconds()} of
 *                     measured frames, or its sound had no level change
 */
public record ShotSync(int startFrame, int endFrame, double startSeconds, double endSeconds, int faceFrames,
                       Optional<SyncPeak> sync) {

    public int frames() {
        return endFrame - startFrame;
    }
}
