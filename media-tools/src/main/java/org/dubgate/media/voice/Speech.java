package org.dubgate.media.voice;

import java.nio.file.Path;
import java.time.Duration;

/** A synthesized line: the WAV file the engine wrote and its length. */
public record Speech(Path wav, Duration length, int sampleRate, int channels) {
}
