package org.dubgate.media.lipsync.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.dubgate.media.lipsync.LipSyncException;
import org.dubgate.media.lipsync.MouthModel;

/**
 * A Wav2Lip-class network in an operator-supplied {@code .onnx} file, run by ONNX Runtime on the CPU.
 *
 * <p>The model must have Wav2Lip's signature (see {@link MouthModel}): one float input {@code [n,1,80,16]}
 * (the mel window), one float input {@code [n,6,S,S]} (the faces) — found by shape, under any names and
 * in either order — and one float output {@code [n,3,S,S]}. S is read from the model. The batch dimension
 * may be dynamic; if the export fixed it at B, {@link #render} runs the frames B at a time, padding the last
 * run with zeros and dropping what the padding produced.
 *
 * <p><b>Threads.</b> Unlike the {@link MouthModel} default, one instance may be shared: ONNX Runtime
 * documents {@code Run} on one session as safe to call from several threads at once, and each
 * {@code render} builds its own tensors. Each call uses the calling thread plus
 * {@code intraOpThreads - 1} pool threads, so callers that already run in parallel keep the default of 1.
 * {@link #close} waits for renders under way and makes later ones fail.
 */
public final class OnnxMouthModel implements MouthModel {

    /**
     * How the session runs.
     *
     * @param intraOpThreads threads one operator may use, the caller's included; 1 (the default) because
     *                       dubbing workers already run side by side on few cores, and a second pool per
     *                       worker would only make them contend
     */
    public record Options(int intraOpThreads) {
        public Options {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, not " + intraOpThreads);
            }
        }

        public static Options defaults() {
            return new Options(1);
        }
    }

    private static final int MEL_FLOATS = MEL_BANDS * MEL_STEPS;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final Wav2LipIo io;
    private final ModelSignature signature;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed; // guarded by lifecycle

    private OnnxMouthModel(OrtEnvironment env, OrtSession session, Wav2LipIo io, ModelSignature signature) {
        this.env = env;
        this.session = session;
        this.io = io;
        this.signature = signature;
    }

    /** {@link #open(Path, Options)} with {@link Options#defaults()}. */
    public static OnnxMouthModel open(Path modelFile) throws LipSyncException {
        return open(modelFile, Options.defaults());
    }

    /**
     * Loads the model at exactly {@code modelFile} and checks its signature.
     *
     * @throws LipSyncException if the file is missing, is not an ONNX model ONNX Runtime can load, or does
     *                          not have the signature above; the message says what was found and what is
     *                          expected
     */
    public static OnnxMouthModel open(Path modelFile, Options options) throws LipSyncException {
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(options, "options");
        if (!Files.isRegularFile(modelFile)) {
            throw new LipSyncException("no ONNX model file at " + modelFile
                    + (Files.exists(modelFile) ? " (it is not a regular file)" : ""));
        }
        // process-wide and never closed: ONNX Runtime allows one environment per process, shared by all sessions
        OrtEnvironment env;
        try {
            env = OrtEnvironment.getEnvironment();
        } catch (LinkageError e) {
            // the natives are unpacked from the jar on first use: a read-only temp dir or a foreign CPU ends here
            throw new LipSyncException("ONNX Runtime could not be loaded on this machine: " + e, e);
        }
        OrtSession session;
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setIntraOpNumThreads(options.intraOpThreads());
            so.setInterOpNumThreads(1);
            so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (options.intraOpThreads() > 1) {
                // idle pool threads otherwise spin between operators, burning cores other workers need
                so.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            session = env.createSession(modelFile.toString(), so); // the session keeps its own copy of the options
        } catch (OrtException e) {
            throw new LipSyncException(modelFile + " is not an ONNX model ONNX Runtime can load: " + e.getMessage(), e);
        }
        try {
            Wav2LipIo io = Wav2LipIo.match(session.getInputInfo(), session.getOutputInfo());
            OnnxHeader header = OnnxHeader.read(modelFile);
            ModelSignature signature = new ModelSignature(header.producerName(), header.producerVersion(),
                    session.getMetadata().getGraphName(), header.domain(), header.modelVersion(),
                    header.irVersion(), header.opsets(), io.melName(), io.facesName(), io.outputName(),
                    io.cropSize(), io.fixedBatch());
            return new OnnxMouthModel(env, session, io, signature);
        } catch (LipSyncException e) {
            closeQuietly(session);
            throw new LipSyncException(modelFile + " is not a Wav2Lip-class mouth model: " + e.getMessage());
        } catch (OrtException | IOException | RuntimeException e) {
            closeQuietly(session);
            throw new LipSyncException("could not read the signature of " + modelFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int cropSize() {
        return io.cropSize();
    }

    /** What the model file says of itself and how its inputs were matched; for provenance records. */
    public ModelSignature signature() {
        return signature;
    }

    /**
     * Runs the model on {@code n} frames.
     *
     * <p>Output values are clamped to 0..1. Wav2Lip ends in a sigmoid, so a faithful export stays inside,
     * but reduced-precision or re-trained exports can overshoot slightly, and the contract promises 0..1 BGR:
     * callers scale by 255 into bytes, where an overshoot would wrap round to the opposite colour. Clamping
     * here once keeps every caller safe. A NaN has no nearest valid value and means the model is broken, so
     * it fails the call instead.
     *
     * @throws IllegalArgumentException if {@code n < 1} or an array's length is not that of {@code n} frames
     * @throws LipSyncException         if ONNX Runtime fails, the output has the wrong shape, or holds NaN
     */
    @Override
    public float[] render(int n, float[] mel, float[] faces) throws LipSyncException {
        Objects.requireNonNull(mel, "mel");
        Objects.requireNonNull(faces, "faces");
        int size = io.cropSize();
        int faceFloats = 6 * size * size;
        int outFloats = 3 * size * size;
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, not " + n);
        }
        checkLength("mel", mel.length, n, MEL_FLOATS, "1×" + MEL_BANDS + "×" + MEL_STEPS);
        checkLength("faces", faces.length, n, faceFloats, "6×" + size + "×" + size);
        // faces.length is an int, so n·6·S·S fits one and so does the half as large output

        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("this ONNX mouth model is closed");
            }
            float[] out = new float[n * outFloats];
            int batch = io.fixedBatch() > 0 ? io.fixedBatch() : n;
            for (int first = 0; first < n; first += batch) {
                run(first, Math.min(batch, n - first), batch, mel, faces, out);
            }
            clamp(out);
            return out;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Frames {@code first .. first+count-1} in one session run of {@code rows} rows (more than count only when padding). */
    private void run(int first, int count, int rows, float[] mel, float[] faces, float[] out)
            throws LipSyncException {
        int size = io.cropSize();
        int faceFloats = 6 * size * size;
        int outFloats = 3 * size * size;
        try (OnnxTensor melTensor = OnnxTensor.createTensor(env, rowsOf(mel, first, count, rows, MEL_FLOATS),
                     new long[] {rows, 1, MEL_BANDS, MEL_STEPS});
             OnnxTensor facesTensor = OnnxTensor.createTensor(env, rowsOf(faces, first, count, rows, faceFloats),
                     new long[] {rows, 6, size, size});
             OrtSession.Result result = session.run(Map.of(io.melName(), melTensor, io.facesName(), facesTensor))) {
            OnnxValue value = result.get(io.outputName())
                    .orElseThrow(() -> new LipSyncException("the model returned no '" + io.outputName() + "'"));
            long[] expected = {rows, 3, size, size};
            if (!(value instanceof OnnxTensor tensor) || tensor.getInfo().type != OnnxJavaType.FLOAT
                    || !Arrays.equals(tensor.getInfo().getShape(), expected)) {
                throw new LipSyncException("the model returned " + describe(value) + " for " + rows
                        + " frames; expected FLOAT" + Arrays.toString(expected));
            }
            // the padding rows' results, if any, come after the real ones and are left behind
            tensor.getFloatBuffer().get(out, first * outFloats, count * outFloats);
        } catch (OrtException e) {
            throw new LipSyncException("ONNX Runtime failed to run the mouth model on " + rows + " frames: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The rows as a buffer: a view of the caller's array when no padding is needed (ONNX Runtime copies a heap
     * buffer's remaining floats into native memory once), else a copy with zero rows after.
     */
    private static FloatBuffer rowsOf(float[] data, int first, int count, int rows, int rowFloats) {
        if (count == rows) {
            return FloatBuffer.wrap(data, first * rowFloats, count * rowFloats);
        }
        float[] padded = new float[rows * rowFloats];
        System.arraycopy(data, first * rowFloats, padded, 0, count * rowFloats);
        return FloatBuffer.wrap(padded);
    }

    private static void clamp(float[] out) throws LipSyncException {
        int nan = 0;
        for (int i = 0; i < out.length; i++) {
            float v = out[i];
            if (v < 0f) {
                out[i] = 0f;
            } else if (v > 1f) {
                out[i] = 1f;
            } else if (v != v) {
                nan++;
            }
        }
        if (nan > 0) {
            throw new LipSyncException("the mouth model produced " + nan + " NaN values among " + out.length
                    + "; the model is broken for this input");
        }
    }

    private static void checkLength(String what, int length, int n, int perFrame, String layout) {
        if (length != (long) n * perFrame) {
            throw new IllegalArgumentException(what + " has " + length + " floats; for " + n + " frames of "
                    + layout + " it must have " + ((long) n * perFrame));
        }
    }

    private static String describe(OnnxValue value) {
        if (value instanceof OnnxTensor tensor) {
            TensorInfo info = tensor.getInfo();
            return info.type + Arrays.toString(info.getShape());
        }
        return value.getType().toString();
    }

    /** Releases the session; waits for renders under way. The process-wide ONNX Runtime environment stays. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                session.close();
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not release the session", e);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // the open already failed for a reason worth more to the caller than this one
        }
    }
}
