package org.dubgate.media.lipsync;

/**
 * What re-draws a mouth: for each video frame, the sound around it and the face, out comes the face
 * with a lower half that says that sound. The tensors are Wav2Lip's, so the weight-free engine and a
 * trained model run through an ONNX adapter are called the same way by the picture alteration.
 * <ul>
 * <li>{@code mel}: {@code n × 1 × 80 × 16} floats — per frame, 16 steps (0.2 s, centred on the frame)
 * of an 80-band log-mel spectrogram of the dub audio at 16 kHz ({@link #MEL_BANDS}, {@link #MEL_STEPS}).</li>
 * <li>{@code faces}: {@code n × 6 × S × S} floats, S = {@link #cropSize()}, BGR planes scaled to 0..1:
 * channels 0–2 the frame's face crop with its lower half blacked out, channels 3–5 a reference crop of
 * the same face (the face at rest, or the frame itself).</li>
 * <li>returns {@code n × 3 × S × S}: the new face crop, BGR 0..1; only its lower half is blended back.</li>
 * </ul>
 * Not thread-safe unless an implementation says so; one per alteration.
 */
public interface MouthModel extends AutoCloseable {

    int MEL_BANDS = 80;
    int MEL_STEPS = 16;

    /** The side of the square face crop the model works on, in pixels (96 for Wav2Lip). */
    int cropSize();

    /** New faces for {@code n} frames; see the class comment for the layout. */
    float[] render(int n, float[] mel, float[] faces) throws LipSyncException;

    @Override
    void close();
}
