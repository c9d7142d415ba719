package org.dubgate.media.lipsync.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dubgate.media.lipsync.LipSyncException;
import org.dubgate.media.lipsync.MouthModel;

/**
 * Which of a model's inputs is the mel window and which the faces, found by shape: exported Wav2Lip
 * models name them {@code audio_sequences}/{@code face_sequences}, {@code mel}/{@code img},
 * {@code input.1}/{@code onnx::Conv_1} or anything else, and in either order, but their shapes are fixed
 * by the network. The batch dimension may be dynamic (-1) or fixed; dims 1..3 of the inputs must be
 * fixed, since they fix the crop size.
 *
 * @param fixedBatch the batch size the model was exported with, or 0 if its batch dimension is dynamic
 */
record Wav2LipIo(String melName, String facesName, String outputName, int cropSize, int fixedBatch) {

    static final String EXPECTED = "expected two float inputs, the mel window [n,1," + MouthModel.MEL_BANDS + ","
            + MouthModel.MEL_STEPS + "] and the faces [n,6,S,S], and one float output [n,3,S,S] (Wav2Lip: S = 96;"
            + " inputs are told apart by shape, in any order and under any name)";

    static Wav2LipIo match(Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs) throws LipSyncException {
        String found = "found inputs " + describe(inputs) + " and outputs " + describe(outputs);
        if (inputs.size() != 2 || outputs.size() != 1) {
            throw new LipSyncException("the model has " + inputs.size() + " input(s) and " + outputs.size()
                    + " output(s); " + EXPECTED + "; " + found);
        }
        List<NodeInfo> mels = new ArrayList<>();
        List<NodeInfo> faces = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        for (NodeInfo node : inputs.values()) {
            long[] shape = floatShape(node);
            if (shape == null) {
                long[] anyShape = node.getInfo() instanceof TensorInfo t ? t.getShape() : null;
                if (anyShape != null && (isMel(anyShape) || isFaces(anyShape))) {
                    // the commonest wrong export: right shape, half or double precision
                    hints.add("input '" + node.getName() + "' has the right shape but element type "
                            + ((TensorInfo) node.getInfo()).type + ", not FLOAT");
                }
            } else if (isMel(shape)) {
                mels.add(node);
            } else if (isFaces(shape)) {
                faces.add(node);
            }
        }
        String hint = hints.isEmpty() ? "" : " (" + String.join("; ", hints) + ")";
        if (mels.size() != 1) {
            throw new LipSyncException((mels.isEmpty() ? "no input is" : "both inputs are")
                    + " the mel window (float [n,1,80,16])" + hint + "; " + EXPECTED + "; " + found);
        }
        if (faces.size() != 1) {
            throw new LipSyncException("no input is the faces (float [n,6,S,S], square, S fixed)" + hint
                    + "; " + EXPECTED + "; " + found);
        }
        long[] melShape = floatShape(mels.get(0));
        long[] facesShape = floatShape(faces.get(0));
        int size = (int) facesShape[2];

        NodeInfo output = outputs.values().iterator().next();
        long[] outShape = floatShape(output);
        // the output's spatial dims may be left unknown (-1) by an exporter; render checks the real shape
        boolean outputFits = outShape != null && outShape.length == 4 && outShape[1] == 3
                && (outShape[2] == size || outShape[2] == -1) && (outShape[3] == size || outShape[3] == -1);
        if (!outputFits) {
            throw new LipSyncException("the output is not the new faces (float [n,3," + size + "," + size
                    + "], S = " + size + " from the faces input); " + EXPECTED + "; " + found);
        }

        long batch = 0;
        for (long dim : new long[] {melShape[0], facesShape[0], outShape[0]}) {
            if (dim > 0 && batch > 0 && dim != batch) {
                throw new LipSyncException("the inputs and output disagree on the batch size (" + batch + " and "
                        + dim + "); " + EXPECTED + "; " + found);
            }
            if (dim > 0) {
                batch = dim;
            } else if (dim != -1) {
                throw new LipSyncException("a batch dimension of " + dim + "; " + EXPECTED + "; " + found);
            }
        }
        if (batch > Integer.MAX_VALUE) {
            throw new LipSyncException("a batch size of " + batch + "; " + found);
        }
        return new Wav2LipIo(mels.get(0).getName(), faces.get(0).getName(), output.getName(), size, (int) batch);
    }

    private static boolean isMel(long[] shape) {
        return shape.length == 4 && shape[1] == 1 && shape[2] == MouthModel.MEL_BANDS
                && shape[3] == MouthModel.MEL_STEPS;
    }

    private static boolean isFaces(long[] shape) {
        return shape.length == 4 && shape[1] == 6 && shape[2] > 0 && shape[2] == shape[3]
                && shape[2] <= 4096; // a crop side beyond this is a broken export, and n·6·S·S would overflow an int
    }

    /** The shape of a float tensor, or null for anything else (another element type, a map, a sequence). */
    private static long[] floatShape(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT ? t.getShape() : null;
    }

    /** {@code name: FLOAT[n,1,80,16]}, with symbolic dims by name and unnamed dynamic ones as {@code ?}. */
    static String describe(Map<String, NodeInfo> nodes) {
        if (nodes.isEmpty()) {
            return "(none)";
        }
        return nodes.values().stream().map(node -> "'" + node.getName() + "': " + describe(node.getInfo()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String describe(ValueInfo info) {
        if (!(info instanceof TensorInfo t)) {
            return info.toString();
        }
        long[] shape = t.getShape();
        String[] names = t.getDimensionNames();
        List<String> dims = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] >= 0) {
                dims.add(Long.toString(shape[i]));
            } else {
                dims.add(names != null && i < names.length && !names[i].isEmpty() ? names[i] : "?");
            }
        }
        return t.type + "[" + String.join(",", dims) + "]";
    }
}
