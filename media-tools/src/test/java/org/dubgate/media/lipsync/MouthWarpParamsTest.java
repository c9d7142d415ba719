package org.dubgate.media.lipsync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The weight-free engine's parameter file: written defaults read back, missing keys defaulted, the rest refused clearly. */
class MouthWarpParamsTest {

    @TempDir
    Path tmp;

    private LipSyncException refused(String json) throws Exception {
        Path f = Files.writeString(tmp.resolve("p.json"), json);
        return assertThrows(LipSyncException.class, () -> MouthWarp.load(f));
    }

    @Test
    void defaultsRoundTrip() throws Exception {
        Path f = tmp.resolve("defaults.json");
        MouthWarp.writeDefaults(f);
        assertEquals(MouthWarpParams.DEFAULTS, MouthWarp.load(f).params());
        assertTrue(Files.readString(f).contains("\"maxDrop\""));
    }

    @Test
    void missingKeysTakeTheirDefaults() throws Exception {
        Path f = Files.writeString(tmp.resolve("p.json"), "{\"maxDrop\": 0.1, \"cropSize\": 128}");
        MouthWarpParams p = MouthWarp.load(f).params();
        assertEquals(0.1, p.maxDrop());
        assertEquals(128, p.cropSize());
        assertEquals(MouthWarpParams.DEFAULTS.mouthY(), p.mouthY());
    }

    @Test
    void badFilesAreRefusedWithTheReason() throws Exception {
        assertTrue(refused("{\"maxdrop\": 0.1}").getMessage().contains("p.json: unknown key \"maxdrop\""));
        assertTrue(refused("{\"maxDrop\": 0.5}").getMessage().contains("p.json: maxDrop must be 0.0..0.2, not 0.5"));
        assertTrue(refused("{\"maxDrop\": \"big\"}").getMessage().contains("\"maxDrop\" must be a number"));
        assertTrue(refused("{\"cropSize\": 96.5}").getMessage().contains("\"cropSize\" must be a whole number"));
        assertTrue(refused("{\"quietLevel\": 2, \"loudLevel\": 1}").getMessage().contains("loudLevel (1.0) must be above quietLevel (2.0)"));
        assertTrue(refused("[1, 2]").getMessage().contains("must be a JSON object"));
        assertTrue(refused("{\"maxDrop\": ").getMessage().contains("p.json: not JSON"));
        LipSyncException e = assertThrows(LipSyncException.class, () -> MouthWarp.load(tmp.resolve("absent.json")));
        assertTrue(e.getMessage().contains("absent.json: cannot read"), e.getMessage());
    }

    @Test
    void openingFollowsTheSpeechBandLevel() {
        MouthWarp w = new MouthWarp(MouthWarpParams.DEFAULTS);
        float[] quiet = new float[MouthModel.MEL_BANDS * MouthModel.MEL_STEPS];
        java.util.Arrays.fill(quiet, -4f);
        float[] loud = new float[quiet.length];
        java.util.Arrays.fill(loud, 2f);
        float[] mid = new float[quiet.length];
        java.util.Arrays.fill(mid, 0f);
        assertEquals(0, w.opening(quiet, 0));
        assertEquals(1, w.opening(loud, 0));
        assertEquals(0.5, w.opening(mid, 0), 1e-6);
    }
}
