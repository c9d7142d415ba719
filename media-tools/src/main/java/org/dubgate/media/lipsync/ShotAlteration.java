package org.dubgate.media.lipsync;

import org.dubgate.media.mix.Span;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What was done to one shot.
 *
 * <p>The sync score: the Pearson correlation, at offset 0, of the mouth's opening speed with the dub audio's
 * voice-band loudness change, over the shot's frames with a face — the AV-sync scorer's own features and
 * per-shot correlation ({@link org.dubgate.media.avsync.DubEnvelope#correlationAt}), measured with the same
 * smoothed face boxes on the source frames ({@code syncBefore}) and on the altered frames before encoding
 * ({@code syncAfter}). -1..1, higher is better. A picture against speech that is not its own scores near or
 * below 0 (GRID against another clip's sentence: -0.4..0.04); the weight-free engine's defaults reached
 * 0.52..0.67 on GRID. Shots of a second or two are noisy: compare before with after, not shots with shots.
 * NaN when the shot had fewer than 3 measured frames.
 *
 * @param span               the shot as asked, seconds from the source's first frame
 * @param firstFrame         its first frame (display order, from 0)
 * @param lastFrame          its last frame, inclusive
 * @param mouthRegion        the union of the blended regions, source pixels
 * @param reencodedFromSeconds first re-encoded frame's time (the GOP run that holds the shot)
 * @param reencodedToSeconds   the end of that run: the next copied key frame's time, or the video's end
 * @param framesAltered      frames whose mouth was re-drawn
 * @param faceFrames         frames of the shot with a face tracked
 * @param still              the before|after PNG, when one could be written
 */
public record ShotAlteration(Span span, int firstFrame, int lastFrame, PixelBox mouthRegion, double reencodedFromSeconds,
                             double reencodedToSeconds, int framesAltered, int faceFrames, double syncBefore,
                             double syncAfter, Optional<Path> still) {
}
