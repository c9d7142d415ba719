package org.dubgate.media.lipsync;

import jakarta.json.stream.JsonGenerator;
import org.dubgate.media.json.JsonSupport;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link PictureAlteration#alter}: the altered file and what changed in it.
 *
 * @param output       the Matroska file written
 * @param codec        the video codec (FFmpeg name), the source's and the re-encoded runs'
 * @param gopsReencoded source GOPs decoded and re-encoded
 * @param gopsCopied   source GOPs copied: all their packets, or — for an open GOP right after a re-encoded run —
 *                     all but its leading frames (shown before its key frame), which the run re-encodes
 * @param framesTotal  video frames in the source (and in the output)
 * @param shots        per shot, in the order given
 */
public record Alteration(Path output, String codec, int gopsReencoded, int gopsCopied, int framesTotal,
                         List<ShotAlteration> shots) {

    public Alteration {
        shots = List.copyOf(shots);
    }

    /** The result as JSON, as the {@code lipsync} command prints it. */
    public String toJson() {
        return JsonSupport.write(json -> {
            json.writeStartObject().write("output", output.toString()).write("codec", codec)
                    .write("gopsReencoded", gopsReencoded).write("gopsCopied", gopsCopied)
                    .write("framesTotal", framesTotal).writeStartArray("shots");
            for (ShotAlteration s : shots) {
                json.writeStartObject().write("start", s.span().start().toNanos() / 1e9)
                        .write("end", s.span().end().toNanos() / 1e9).write("firstFrame", s.firstFrame())
                        .write("lastFrame", s.lastFrame());
                json.writeStartObject("mouthRegion").write("x", s.mouthRegion().x()).write("y", s.mouthRegion().y())
                        .write("width", s.mouthRegion().width()).write("height", s.mouthRegion().height()).writeEnd();
                json.write("reencodedFrom", micros(s.reencodedFromSeconds())).write("reencodedTo", micros(s.reencodedToSeconds()))
                        .write("framesAltered", s.framesAltered()).write("faceFrames", s.faceFrames());
                number(json, "syncBefore", s.syncBefore());
                number(json, "syncAfter", s.syncAfter());
                JsonSupport.text(json, "still", s.still().map(Path::toString).orElse(null));
                json.writeEnd();
            }
            json.writeEnd().writeEnd();
        });
    }

    private static double micros(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    private static void number(JsonGenerator json, String key, double v) {
        if (Double.isNaN(v)) {
            json.writeNull(key);
        } else {
            json.write(key, Math.round(v * 1e4) / 1e4);
        }
    }
}
