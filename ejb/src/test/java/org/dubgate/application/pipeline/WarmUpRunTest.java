package org.dubgate.application.pipeline;

import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.MediaProber;
import org.dubgate.media.probe.StreamInfo;
import org.dubgate.media.voice.VoiceEngine;
import org.dubgate.media.voice.VoiceEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The warm-up's media work, on the real FFmpeg and the engines installed here. */
class WarmUpRunTest {

    @TempDir
    Path tmp;

    @Test
    void itSpeaksWithEveryEngineItCanAndRendersARealMixTwice() throws Exception {
        WarmUpRun.Figures f = new WarmUpRun(tmp, () -> false).run();
        assertEquals(WarmUpRun.ROUNDS, f.rounds(), f.toString());
        for (VoiceEngine engine : VoiceEngines.all()) {
            assertTrue(f.spoken().stream().anyMatch(s -> s.startsWith(engine.name() + " "))
                    || f.notes().stream().anyMatch(n -> n.startsWith(engine.name() + " ")),
                    "each engine spoke or was noted: " + f);
        }
        MediaProbe mix = new MediaProber().probe(tmp.resolve(WarmUpRun.FULL_MIX));
        MediaProbe stem = new MediaProber().probe(tmp.resolve(WarmUpRun.STEM));
        StreamInfo.Audio mixAudio = (StreamInfo.Audio) mix.streams().get(0);
        StreamInfo.Audio stemAudio = (StreamInfo.Audio) stem.streams().get(0);
        assertEquals(2, mixAudio.channels(), "the full mix over the stereo programme");
        assertEquals(1, stemAudio.channels(), "a mono dialogue stem");
        assertEquals(WarmUpRun.PROGRAMME.toMillis() / 1000.0, mix.durationSeconds(), 0.01);
        assertEquals(WarmUpRun.PROGRAMME.toMillis() / 1000.0, stem.durationSeconds(), 0.01);
    }

    @Test
    void itStopsAtTheFirstStepItIsAskedToStopBefore() throws Exception {
        WarmUpRun.Figures f = new WarmUpRun(tmp, () -> true).run();
        assertEquals(0, f.rounds());
        assertEquals(java.util.List.of(), f.spoken(), "no engine ran");
        assertTrue(f.notes().stream().anyMatch(n -> n.startsWith("cut short after 0 of")), f.toString());
    }
}
