package org.dubgate.media.loudness;

import jakarta.json.stream.JsonGenerator;
import org.dubgate.media.json.JsonSupport;

import java.util.Optional;

/**
 * What the meter found in one programme. Levels that cannot be measured are not numbers: −∞ for
 * energy that never passed a gate (silence) and NaN for a window longer than the programme (no
 * 3 s short-term value in a 2 s line); both are written as {@code null} in JSON.
 *
 * @param integratedLufs   gated integrated loudness (BS.1770-4: 400 ms blocks every 100 ms, −70 LUFS
 *                         absolute and −10 LU relative gates)
 * @param momentaryMaxLufs loudest 400 ms window (every 100 ms)
 * @param shortTermMaxLufs loudest 3 s window (every 100 ms)
 * @param loudnessRangeLu  EBU Tech 3342 loudness range
 * @param truePeakDbtp     4× oversampled peak over all channels (BS.1770-4 Annex 2), never below the sample peak
 * @param samplePeakDbfs   largest absolute sample over all channels
 * @param durationSeconds  decoded samples / sample rate
 * @param dialogueGated    the integrated loudness of the given spans alone, when spans were given
 */
public record Loudness(double integratedLufs, double momentaryMaxLufs, double shortTermMaxLufs,
                       double loudnessRangeLu, double truePeakDbtp, double samplePeakDbfs, double durationSeconds,
                       int sampleRate, int channels, Optional<Gated> dialogueGated) {

    /**
     * Loudness over given spans only (a script's cues): the audio inside them, taken as if played one
     * span after another, measured as a programme of its own with both gates. Overlapping spans count once.
     *
     * @param spans          how many spans were given
     * @param seconds        how much audio they covered (overlaps once, clipped to the programme)
     * @param integratedLufs gated integrated loudness of that audio; −∞ when it is silent or under 400 ms
     */
    public record Gated(int spans, double seconds, double integratedLufs) {
    }

    /** Two decimals: finer than any tolerance in BS.1770 or Tech 3341, without float noise. */
    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 100.0) / 100.0 : v;
    }

    public String toJson() {
        return JsonSupport.write(json -> {
            json.writeStartObject();
            JsonSupport.number(json, "integratedLufs", round(integratedLufs));
            JsonSupport.number(json, "momentaryMaxLufs", round(momentaryMaxLufs));
            JsonSupport.number(json, "shortTermMaxLufs", round(shortTermMaxLufs));
            JsonSupport.number(json, "loudnessRangeLu", round(loudnessRangeLu));
            JsonSupport.number(json, "truePeakDbtp", round(truePeakDbtp));
            JsonSupport.number(json, "samplePeakDbfs", round(samplePeakDbfs));
            JsonSupport.number(json, "durationSeconds", Math.round(durationSeconds * 1000.0) / 1000.0);
            json.write("sampleRate", sampleRate).write("channels", channels);
            dialogueGated.ifPresentOrElse(g -> writeGated(json, g), () -> json.writeNull("dialogueGated"));
            json.writeEnd();
        });
    }

    private void writeGated(JsonGenerator json, Gated g) {
        json.writeStartObject("dialogueGated").write("spans", g.spans());
        JsonSupport.number(json, "seconds", Math.round(g.seconds() * 1000.0) / 1000.0);
        JsonSupport.number(json, "shareOfDuration",
                durationSeconds > 0 ? Math.round(g.seconds() / durationSeconds * 1000.0) / 1000.0 : Double.NaN);
        JsonSupport.number(json, "integratedLufs", round(g.integratedLufs()));
        json.writeEnd();
    }
}
