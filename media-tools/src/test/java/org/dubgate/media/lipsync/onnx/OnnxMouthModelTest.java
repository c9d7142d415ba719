package org.dubgate.media.lipsync.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dubgate.media.lipsync.LipSyncException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OnnxMouthModel} against tiny hand-written ONNX models ({@link Wav2LipTestModel}); no real weights. */
class OnnxMouthModelTest {

    private static final float TOLERANCE = 1e-5f;
    private static final int MEL_FLOATS = 80 * 16;

    @TempDir
    Path dir;

    @Test
    void rendersOneFrameOfTheWav2LipSignatureAndReportsTheModel() throws Exception {
        Wav2LipTestModel spec = new Wav2LipTestModel();
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "w.onnx"))) {
            assertEquals(96, model.cropSize());
            assertRendersAsComputed(spec, model, 1, 96, 1);

            ModelSignature signature = model.signature();
            assertEquals(Wav2LipTestModel.PRODUCER, signature.producerName());
            assertEquals(Wav2LipTestModel.PRODUCER_VERSION, signature.producerVersion());
            assertEquals(Wav2LipTestModel.GRAPH, signature.graphName());
            assertEquals("org.dubgate.test", signature.domain());
            assertEquals(7, signature.modelVersion());
            assertEquals(Wav2LipTestModel.IR_VERSION, signature.irVersion());
            assertEquals(Wav2LipTestModel.OPSET, signature.opset());
            assertEquals(Map.of("", Wav2LipTestModel.OPSET), signature.opsets());
            assertEquals("mel", signature.melInput());
            assertEquals("faces", signature.facesInput());
            assertEquals("out", signature.output());
            assertEquals(0, signature.fixedBatch());
        }
    }

    @Test
    void matchesInputsByShapeNotByNameOrOrder() throws Exception {
        // names that say the opposite of what the inputs are, faces listed first
        Wav2LipTestModel spec = new Wav2LipTestModel()
                .mel("face_sequences", "batch", 1, 80, 16)
                .faces("audio_mel", "batch", 6, 96, 96)
                .output("output.7", "batch", 3, 96, 96)
                .facesFirst();
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "swapped.onnx"))) {
            assertEquals("face_sequences", model.signature().melInput());
            assertEquals("audio_mel", model.signature().facesInput());
            assertRendersAsComputed(spec, model, 3, 96, 2);
        }
    }

    @Test
    void readsTheCropSizeFromTheModel() throws Exception {
        Wav2LipTestModel spec = new Wav2LipTestModel().faces("img", "n", 6, 48, 48).output("out", "n", 3, 48, 48);
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "s48.onnx"))) {
            assertEquals(48, model.cropSize());
            assertRendersAsComputed(spec, model, 2, 48, 3);
        }
    }

    @Test
    void runsAFixedBatchExportInChunksWithPadding() throws Exception {
        Wav2LipTestModel spec = new Wav2LipTestModel()
                .mel("mel", 2, 1, 80, 16).faces("faces", 2, 6, 96, 96).output("out", 2, 3, 96, 96);
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "b2.onnx"))) {
            assertEquals(2, model.signature().fixedBatch());
            assertRendersAsComputed(spec, model, 3, 96, 4); // one full run of 2, one of 1 padded to 2
            assertRendersAsComputed(spec, model, 1, 96, 5);
        }
    }

    @Test
    void oneModelServesSeveralThreadsAtOnce() throws Exception {
        Wav2LipTestModel spec = new Wav2LipTestModel();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "w.onnx"))) {
            Future<?>[] runs = new Future<?>[6];
            for (int i = 0; i < runs.length; i++) {
                int seed = 10 + i;
                runs[i] = pool.submit(() -> {
                    assertRendersAsComputed(spec, model, 2, 96, seed);
                    return null;
                });
            }
            for (Future<?> run : runs) {
                run.get(); // rethrows a failed assertion
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void clampsOutputToZeroOne() throws Exception {
        // channel 0 always below 0, channel 2 always above 1, channel 1 inside
        Wav2LipTestModel spec = new Wav2LipTestModel().bias(-2f, 0f, 2f);
        try (OnnxMouthModel model = OnnxMouthModel.open(spec.write(dir, "overshoot.onnx"))) {
            int n = 2;
            int plane = 96 * 96;
            float[] mel = randomMel(n, 6);
            float[] faces = randomFaces(n, 96, 6);
            float[] raw = spec.expected(n, mel, faces);
            float[] out = model.render(n, mel, faces);
            for (int frame = 0; frame < n; frame++) {
                for (int p = 0; p < plane; p++) {
                    int c0 = (frame * 3) * plane + p;
                    int c1 = c0 + plane;
                    int c2 = c1 + plane;
                    assertTrue(raw[c0] < 0 && raw[c2] > 1, "the model must overshoot for this test to mean anything");
                    assertEquals(0f, out[c0]);
                    assertEquals(raw[c1], out[c1], TOLERANCE);
                    assertEquals(1f, out[c2]);
                }
            }
        }
    }

    @Test
    void refusesFacesWithThreeChannels() throws Exception {
        Path file = new Wav2LipTestModel().faces("faces", "n", 3, 96, 96).channelStart(0).write(dir, "c3.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "no input is the faces", "[n,6,S,S]", "'faces': FLOAT[n,3,96,96]");
    }

    @Test
    void refusesNonSquareFaces() throws Exception {
        Path file = new Wav2LipTestModel().faces("faces", "n", 6, 96, 64).output("out", "n", 3, 96, 64)
                .write(dir, "rect.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "no input is the faces", "[n,6,S,S]", "'faces': FLOAT[n,6,96,64]");
    }

    @Test
    void refusesAnOutputOfAnotherSize() throws Exception {
        Path file = new Wav2LipTestModel().output("out", "n", 3, 48, 48).write(dir, "out48.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "the output is not the new faces (float [n,3,96,96]", "'out': FLOAT[n,3,48,48]");
    }

    @Test
    void refusesAMelWindowOfAnotherLength() throws Exception {
        Path file = new Wav2LipTestModel().mel("mel", "n", 1, 80, 32).write(dir, "mel32.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "no input is the mel window (float [n,1,80,16])", "'mel': FLOAT[n,1,80,32]");
    }

    @Test
    void refusesANonFloatMelWindowAndSaysSo() throws Exception {
        Path file = new Wav2LipTestModel().melType(OnnxProto.DOUBLE).write(dir, "double.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "no input is the mel window", "'mel' has the right shape but element type DOUBLE",
                "'mel': DOUBLE[n,1,80,16]");
    }

    @Test
    void refusesAThirdInput() throws Exception {
        Path file = new Wav2LipTestModel().extraInput().write(dir, "three.onnx");
        LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
        assertMessage(e, "3 input(s) and 1 output(s)", "expected two float inputs", "'extra': FLOAT[n,1]");
    }

    @Test
    void refusesFilesThatAreNotOnnxModels() throws Exception {
        byte[] valid = new Wav2LipTestModel().toBytes();
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(valid, valid.length / 2));
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "this is not a model, just some text\n");
        for (Path file : new Path[] {truncated, garbage}) {
            LipSyncException e = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(file));
            assertMessage(e, file + " is not an ONNX model ONNX Runtime can load");
        }
        LipSyncException missing = assertThrows(LipSyncException.class,
                () -> OnnxMouthModel.open(dir.resolve("absent.onnx")));
        assertMessage(missing, "no ONNX model file at " + dir.resolve("absent.onnx"));
        LipSyncException directory = assertThrows(LipSyncException.class, () -> OnnxMouthModel.open(dir));
        assertMessage(directory, "not a regular file");
    }

    @Test
    void refusesArraysOfTheWrongLength() throws Exception {
        try (OnnxMouthModel model = OnnxMouthModel.open(new Wav2LipTestModel().write(dir, "w.onnx"))) {
            float[] faces = randomFaces(2, 96, 7);
            IllegalArgumentException shortMel = assertThrows(IllegalArgumentException.class,
                    () -> model.render(2, new float[MEL_FLOATS], faces));
            assertMessage(shortMel, "mel has 1280 floats; for 2 frames of 1×80×16 it must have 2560");
            IllegalArgumentException longFaces = assertThrows(IllegalArgumentException.class,
                    () -> model.render(1, randomMel(1, 7), faces));
            assertMessage(longFaces, "faces has 110592 floats; for 1 frames of 6×96×96 it must have 55296");
            assertThrows(IllegalArgumentException.class, () -> model.render(0, new float[0], new float[0]));
        }
    }

    @Test
    void refusesToRenderOnceClosed() throws Exception {
        OnnxMouthModel model = OnnxMouthModel.open(new Wav2LipTestModel().write(dir, "w.onnx"));
        model.close();
        model.close(); // twice is harmless
        assertThrows(IllegalStateException.class, () -> model.render(1, randomMel(1, 8), randomFaces(1, 96, 8)));
    }

    private static void assertRendersAsComputed(Wav2LipTestModel spec, OnnxMouthModel model, int n, int size,
                                                long seed) throws LipSyncException {
        float[] mel = randomMel(n, seed);
        float[] faces = randomFaces(n, size, seed);
        float[] expected = spec.expected(n, mel, faces);
        float[] actual = model.render(n, mel, faces);
        assertEquals(n * 3 * size * size, actual.length);
        assertArrayEquals(expected, actual, TOLERANCE);
    }

    /** Log-mel-like values; each frame its own mean, so a mix-up of frames shows. */
    private static float[] randomMel(int n, long seed) {
        Random random = new Random(seed);
        float[] mel = new float[n * MEL_FLOATS];
        for (int frame = 0; frame < n; frame++) {
            float offset = -3f + 1.5f * frame;
            for (int i = 0; i < MEL_FLOATS; i++) {
                mel[frame * MEL_FLOATS + i] = offset + (float) random.nextGaussian();
            }
        }
        return mel;
    }

    /** Below 0.9, so with the default biases (at most 0.03) the model's output stays inside 0..1. */
    private static float[] randomFaces(int n, int size, long seed) {
        Random random = new Random(seed ^ 0x5DEECE66DL);
        float[] faces = new float[n * 6 * size * size];
        for (int i = 0; i < faces.length; i++) {
            faces[i] = 0.9f * random.nextFloat();
        }
        return faces;
    }

    private static void assertMessage(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks «" + part + "»: " + e.getMessage());
        }
    }
}
