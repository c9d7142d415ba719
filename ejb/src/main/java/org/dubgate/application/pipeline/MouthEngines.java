package org.dubgate.application.pipeline;

import org.dubgate.media.lipsync.LipSyncException;
import org.dubgate.media.lipsync.MouthModel;
import org.dubgate.media.lipsync.MouthWarp;
import org.dubgate.media.lipsync.onnx.OnnxMouthModel;

import java.nio.file.Path;
import java.util.List;

/**
 * The lip-sync engines a LIP_SYNC model may run on, by the engine name the registry gives it:
 * {@value #MOUTH_WARP}, the weight-free engine (its artifact a parameter file), and
 * {@value #ONNX_WAV2LIP}, an operator's Wav2Lip-class model (its artifact the .onnx file) through ONNX Runtime.
 */
public final class MouthEngines {

    public static final String MOUTH_WARP = "mouth-warp";
    public static final String ONNX_WAV2LIP = "onnx-wav2lip";
    public static final List<String> NAMES = List.of(MOUTH_WARP, ONNX_WAV2LIP);

    private MouthEngines() {
    }

    public static boolean runs(String engine) {
        return NAMES.contains(engine);
    }

    /** The model on exactly its registered artifact file (hash-checked by the gate before and after the run). */
    public static MouthModel open(String engine, Path artifact) throws LipSyncException {
        return switch (engine) {
            case MOUTH_WARP -> MouthWarp.load(artifact);
            case ONNX_WAV2LIP -> OnnxMouthModel.open(artifact, OnnxMouthModel.Options.defaults());
            default -> throw new LipSyncException("engine " + engine + " is not a lip-sync engine this server runs ("
                    + String.join(", ", NAMES) + ")");
        };
    }
}
