package org.dubgate.media.lipsync.onnx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For other modules' tests, through media-tools' test jar: the tiny model of Wav2Lip's signature
 * ({@link Wav2LipTestModel}'s defaults: the reference crop scaled by the sigmoid of the mel window's
 * mean, plus a bias) written to a file — a real ONNX file for a server to register and run.
 */
public final class Wav2LipTestModels {

    private Wav2LipTestModels() {
    }

    public static Path write(Path dir, String fileName) throws IOException {
        return new Wav2LipTestModel().write(dir, fileName);
    }
}
