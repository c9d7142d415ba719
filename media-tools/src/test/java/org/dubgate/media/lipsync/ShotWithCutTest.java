package org.dubgate.media.lipsync;

import org.dubgate.media.mix.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A span given as one shot that holds a cut (two GRID speakers one after the other): the face is found again
 * after the cut and re-drawn from its own reference, not pasted over with the first speaker's mouth.
 */
class ShotWithCutTest {

    @TempDir
    Path tmp;

    @Test
    void eachSceneIsRedrawnFromItsOwnFace() throws Exception {
        Path reel = LipSyncMedia.openGopReel(List.of("bbaf2n", "lrwp9a"), tmp.resolve("two.mkv"));
        Path out = tmp.resolve("out.mkv");
        Alteration a = PictureAlteration.alter(reel, LipSyncMedia.grid("lbax4n"),
                List.of(new Span(Duration.ofMillis(1600), Duration.ofMillis(4400))), new MouthWarp(MouthWarpParams.DEFAULTS), out);
        ShotAlteration shot = a.shots().get(0);
        List<LipSyncMedia.Picture> before = LipSyncMedia.frames(reel);
        List<LipSyncMedia.Picture> after = LipSyncMedia.frames(out);
        // frames 75.. are the second speaker: a mouth pasted from the first would differ by tens of levels
        double worst = 0;
        for (int k = 76; k <= shot.lastFrame(); k++) {
            worst = Math.max(worst, LipSyncMedia.meanAbsDiff(before.get(k), after.get(k), shot.mouthRegion(), true));
        }
        System.out.printf("after the cut: mouth region mean abs diff at most %.2f; sync %.3f -> %.3f%n", worst,
                shot.syncBefore(), shot.syncAfter());
        assertTrue(worst < 15, "the second speaker's mouth region changed by " + worst);
        assertEquals(shot.lastFrame() - shot.firstFrame() + 1, shot.framesAltered());
        assertTrue(shot.syncAfter() > shot.syncBefore());
    }
}
