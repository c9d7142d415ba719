package org.dubgate.media.voice;

import java.util.List;
import java.util.Optional;

/** The voice engines this build can run, by the name the model registry knows them by. */
public final class VoiceEngines {

    private static final List<VoiceEngine> ALL = List.of(new EspeakNg(), new Flite());

    private VoiceEngines() {
    }

    public static List<VoiceEngine> all() {
        return ALL;
    }

    public static Optional<VoiceEngine> named(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
