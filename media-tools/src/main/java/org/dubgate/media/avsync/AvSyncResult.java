package org.dubgate.media.avsync;

import org.dubgate.media.json.JsonSupport;

import java.util.List;

import static org.dubgate.media.json.JsonSupport.number;

/**
 * The sync of a video's picture with its sound (its own or a separate file).
 *
 * @param sync            the peak over every shot pooled (each shot's correlation weighted by its measured
 *                        frames): {@code sync.offsetMs()} positive = audio late, to be advanced by that much
 * @param frames          frames decoded
 * @param faceFrames      frames whose mouth motion was measured
 * @param frameRate       the video's frame rate
 * @param durationSeconds from the first frame to the end of the last
 * @param ownAudio        whether the sound was the video's own audio stream (else a separate file)
 * @param maxLagMs        offsets searched: ±maxLagMs
 * @param shots           every shot, in order
 */
public record AvSyncResult(SyncPeak sync, int frames, int faceFrames, double frameRate, double durationSeconds,
                           boolean ownAudio, int maxLagMs, List<ShotSync> shots) {

    public AvSyncResult {
        shots = List.copyOf(shots);
    }

    public int offsetMs() {
        return sync.offsetMs();
    }

    public double confidence() {
        return sync.confidence();
    }

    /** The result as one JSON object, as the CLI prints it; a shot without its own sync has null figures. */
    public String toJson() {
        return JsonSupport.write(json -> {
            json.writeStartObject().write("offsetMs", sync.offsetMs());
            number(json, "confidence", round(sync.confidence()));
            number(json, "distinctness", round(sync.distinctness()));
            number(json, "peakCorrelation", round(sync.correlation()));
            number(json, "runnerUpCorrelation", round(sync.runnerUp()));
            json.write("atLimit", sync.atLimit()).write("frames", frames).write("faceFrames", faceFrames);
            number(json, "frameRate", frameRate);
            number(json, "durationSeconds", round(durationSeconds));
            json.write("audio", ownAudio ? "own" : "separate").write("maxLagMs", maxLagMs).writeStartArray("shots");
            for (ShotSync shot : shots) {
                json.writeStartObject();
                number(json, "start", round(shot.startSeconds()));
                number(json, "end", round(shot.endSeconds()));
                json.write("startFrame", shot.startFrame()).write("endFrame", shot.endFrame())
                        .write("frames", shot.frames()).write("faceFrames", shot.faceFrames());
                if (shot.sync().isPresent()) {
                    SyncPeak p = shot.sync().get();
                    json.write("offsetMs", p.offsetMs());
                    number(json, "confidence", round(p.confidence()));
                    number(json, "distinctness", round(p.distinctness()));
                } else {
                    json.writeNull("offsetMs").writeNull("confidence").writeNull("distinctness");
                }
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        });
    }

    /** Three decimals: the figures are estimates, more digits would only be noise in a report. */
    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
