package org.dubgate.media.lipsync;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weight-free engine's artifact: a small JSON object of numbers (the operator registers the file and the
 * server pins its hash like any model file). Unknown keys are refused (a typo must not silently fall back to a
 * default), missing keys take their defaults, each value is range-checked. Geometry is in fractions of the
 * square face crop (0,0 top left).
 *
 * @param cropSize          side of the face crop, px
 * @param bandLowHz         lower edge of the speech band whose mel energy opens the mouth
 * @param bandHighHz        its upper edge
 * @param centreSteps       mel columns around the frame's centre averaged (of the window's 16; 4 = 50 ms)
 * @param quietLevel        normalised log-mel level (-4..4) at and below which the mouth is shut
 * @param loudLevel         level at and above which it is fully open
 * @param gamma             opening = ((level - quiet) / (loud - quiet))^gamma
 * @param mouthX            mouth centre across the crop
 * @param mouthY            mouth centre (the lips' meeting line) down the crop
 * @param mouthWidth        half width of the re-animated region
 * @param mouthHeight       half height of the re-animated region
 * @param maxDrop           how far the lower lip and jaw drop at full opening, in crop heights
 * @param upperShare        the upper lip's rise as a share of the drop
 * @param interiorDarkness  0..1: how much darker the gap between the lips is at full opening
 */
public record MouthWarpParams(int cropSize, double bandLowHz, double bandHighHz, int centreSteps, double quietLevel,
                              double loudLevel, double gamma, double mouthX, double mouthY, double mouthWidth,
                              double mouthHeight, double maxDrop, double upperShare, double interiorDarkness) {

    /** Tuned on GRID's frontal faces in a Haar frontal-face box used as the crop. */
    public static final MouthWarpParams DEFAULTS = new MouthWarpParams(96, 300, 3400, 4, -1.5, 1.5, 1.0,
            0.5, 0.77, 0.22, 0.16, 0.07, 0.25, 0.6);

    public MouthWarpParams {
        range("cropSize", cropSize, 32, 512);
        range("bandLowHz", bandLowHz, 55, 7600);
        range("bandHighHz", bandHighHz, 55, 7600);
        if (bandHighHz <= bandLowHz) {
            throw new IllegalArgumentException("bandHighHz (" + bandHighHz + ") must be above bandLowHz (" + bandLowHz + ")");
        }
        range("centreSteps", centreSteps, 1, MouthModel.MEL_STEPS);
        range("quietLevel", quietLevel, -4, 4);
        range("loudLevel", loudLevel, -4, 4);
        if (loudLevel <= quietLevel) {
            throw new IllegalArgumentException("loudLevel (" + loudLevel + ") must be above quietLevel (" + quietLevel + ")");
        }
        range("gamma", gamma, 0.1, 10);
        range("mouthX", mouthX, 0.2, 0.8);
        range("mouthY", mouthY, 0.5, 0.95);
        range("mouthWidth", mouthWidth, 0.05, 0.45);
        range("mouthHeight", mouthHeight, 0.05, 0.45);
        range("maxDrop", maxDrop, 0, 0.2);
        range("upperShare", upperShare, 0, 1);
        range("interiorDarkness", interiorDarkness, 0, 1);
    }

    private static void range(String key, double v, double min, double max) {
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + v);
        }
    }

    /** Reads a parameter file; every problem is a {@link LipSyncException} naming the file and the key. */
    public static MouthWarpParams read(Path file) throws LipSyncException {
        JsonObject o;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader jr = Json.createReader(r)) {
            JsonValue v = jr.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new LipSyncException(file.getFileName() + ": mouth-warp parameters must be a JSON object");
            }
            o = v.asJsonObject();
        } catch (IOException e) {
            throw new LipSyncException(file.getFileName() + ": cannot read the mouth-warp parameters: " + e.getMessage(), e);
        } catch (JsonException | IllegalStateException e) {
            throw new LipSyncException(file.getFileName() + ": not JSON: " + e.getMessage(), e);
        }
        Map<String, Double> values = new LinkedHashMap<>(DEFAULTS.asMap());
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new LipSyncException(file.getFileName() + ": unknown key \"" + e.getKey() + "\"; known: "
                        + String.join(", ", values.keySet()));
            }
            if (e.getValue().getValueType() != JsonValue.ValueType.NUMBER) {
                throw new LipSyncException(file.getFileName() + ": \"" + e.getKey() + "\" must be a number");
            }
            values.put(e.getKey(), ((JsonNumber) e.getValue()).doubleValue());
        }
        for (String k : new String[]{"cropSize", "centreSteps"}) {
            if (values.get(k) != Math.rint(values.get(k))) {
                throw new LipSyncException(file.getFileName() + ": \"" + k + "\" must be a whole number, not " + values.get(k));
            }
        }
        try {
            return fromMap(values);
        } catch (IllegalArgumentException e) {
            throw new LipSyncException(file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Writes these parameters as a file {@link #read} takes back. */
    public void write(Path file) throws LipSyncException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createGenerator(text)) {
            g.writeStartObject();
            asMap().forEach((k, v) -> {
                if (k.equals("cropSize") || k.equals("centreSteps")) {
                    g.write(k, v.intValue());
                } else {
                    g.write(k, v);
                }
            });
            g.writeEnd();
        }
        try {
            Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LipSyncException(file.getFileName() + ": cannot write the mouth-warp parameters: " + e.getMessage(), e);
        }
    }

    Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cropSize", (double) cropSize);
        m.put("bandLowHz", bandLowHz);
        m.put("bandHighHz", bandHighHz);
        m.put("centreSteps", (double) centreSteps);
        m.put("quietLevel", quietLevel);
        m.put("loudLevel", loudLevel);
        m.put("gamma", gamma);
        m.put("mouthX", mouthX);
        m.put("mouthY", mouthY);
        m.put("mouthWidth", mouthWidth);
        m.put("mouthHeight", mouthHeight);
        m.put("maxDrop", maxDrop);
        m.put("upperShare", upperShare);
        m.put("interiorDarkness", interiorDarkness);
        return m;
    }

    private static MouthWarpParams fromMap(Map<String, Double> m) {
        return new MouthWarpParams(m.get("cropSize").intValue(), m.get("bandLowHz"), m.get("bandHighHz"),
                m.get("centreSteps").intValue(), m.get("quietLevel"), m.get("loudLevel"), m.get("gamma"),
                m.get("mouthX"), m.get("mouthY"), m.get("mouthWidth"), m.get("mouthHeight"), m.get("maxDrop"),
                m.get("upperShare"), m.get("interiorDarkness"));
    }
}
