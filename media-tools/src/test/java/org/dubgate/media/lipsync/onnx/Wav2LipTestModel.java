package org.dubgate.media.lipsync.onnx;

import static org.dubgate.media.lipsync.onnx.OnnxProto.FLOAT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny model with Wav2Lip's signature whose output the test can compute in plain Java and which depends
 * on both inputs: {@code out = Slice(faces, channels c..c+2) · Sigmoid(ReduceMean(mel over dims 1,2,3)) + bias[c]},
 * one gain per frame from its mel window, one bias per output channel. Defaults are the Wav2Lip signature
 * (mel {@code [n,1,80,16]}, faces {@code [n,6,96,96]} → {@code [n,3,96,96]}); the setters make the
 * variants the adapter must accept or refuse. Opset 13, where ReduceMean still takes its axes as an attribute.
 */
final class Wav2LipTestModel {

    static final String PRODUCER = "dubgate-test";
    static final String PRODUCER_VERSION = "0.1";
    static final String GRAPH = "wav2lip_signature_test";
    static final long IR_VERSION = 8;
    static final long OPSET = 13;

    private String melName = "mel";
    private int melType = FLOAT;
    private Object[] melDims = {"n", 1, 80, 16};
    private String facesName = "faces";
    private Object[] facesDims = {"n", 6, 96, 96};
    private boolean facesFirst;
    private boolean extraInput;
    private int channelStart = 3;
    private String outputName = "out";
    private Object[] outDims = {"n", 3, 96, 96};
    private float[] bias = {0.01f, 0.02f, 0.03f};

    Wav2LipTestModel mel(String name, Object... dims) {
        melName = name;
        melDims = dims;
        return this;
    }

    Wav2LipTestModel melType(int elemType) {
        melType = elemType;
        return this;
    }

    Wav2LipTestModel faces(String name, Object... dims) {
        facesName = name;
        facesDims = dims;
        return this;
    }

    /** Faces listed before mel among the graph's inputs. */
    Wav2LipTestModel facesFirst() {
        facesFirst = true;
        return this;
    }

    /** A third, unused graph input. */
    Wav2LipTestModel extraInput() {
        extraInput = true;
        return this;
    }

    /** The first face channel the output copies (3 in Wav2Lip's layout: the reference crop). */
    Wav2LipTestModel channelStart(int channel) {
        channelStart = channel;
        return this;
    }

    /** The output's declared dims; its height and width (dims 2, 3, fixed) are also what Slice cuts out. */
    Wav2LipTestModel output(String name, Object... dims) {
        outputName = name;
        outDims = dims;
        return this;
    }

    Wav2LipTestModel bias(float... perChannel) {
        bias = perChannel.clone();
        return this;
    }

    byte[] toBytes() {
        int height = (Integer) outDims[2];
        int width = (Integer) outDims[3];
        List<ProtoWriter> nodes = List.of(
                OnnxProto.node("Cast", List.of(melName), "mel_f", OnnxProto.intAttribute("to", FLOAT)),
                OnnxProto.node("ReduceMean", List.of("mel_f"), "mel_mean",
                        OnnxProto.intsAttribute("axes", 1, 2, 3), OnnxProto.intAttribute("keepdims", 1)),
                OnnxProto.node("Sigmoid", List.of("mel_mean"), "gain"),
                OnnxProto.node("Slice", List.of(facesName, "starts", "ends", "axes"), "reference"),
                OnnxProto.node("Mul", List.of("reference", "gain"), "scaled"),
                OnnxProto.node("Add", List.of("scaled", "bias"), outputName));
        List<ProtoWriter> initializers = List.of(
                OnnxProto.int64Tensor("starts", channelStart, 0, 0),
                OnnxProto.int64Tensor("ends", channelStart + 3, height, width),
                OnnxProto.int64Tensor("axes", 1, 2, 3),
                OnnxProto.floatTensor("bias", new long[] {1, 3, 1, 1}, bias));
        ProtoWriter mel = OnnxProto.valueInfo(melName, melType, melDims);
        ProtoWriter faces = OnnxProto.valueInfo(facesName, FLOAT, facesDims);
        List<ProtoWriter> inputs = new ArrayList<>(facesFirst ? List.of(faces, mel) : List.of(mel, faces));
        if (extraInput) {
            inputs.add(OnnxProto.valueInfo("extra", FLOAT, "n", 1));
        }
        ProtoWriter graph = OnnxProto.graph(GRAPH, nodes, initializers, inputs,
                List.of(OnnxProto.valueInfo(outputName, FLOAT, outDims)));
        return OnnxProto.model(IR_VERSION, OPSET, PRODUCER, PRODUCER_VERSION, graph);
    }

    Path write(Path dir, String fileName) throws IOException {
        return Files.write(dir.resolve(fileName), toBytes());
    }

    /** What the graph computes, in plain Java and double precision, before any clamping. */
    float[] expected(int n, float[] mel, float[] faces) {
        int size = (Integer) facesDims[2];
        int plane = size * size;
        int melFloats = 80 * 16;
        float[] out = new float[n * 3 * plane];
        for (int frame = 0; frame < n; frame++) {
            double sum = 0;
            for (int i = 0; i < melFloats; i++) {
                sum += mel[frame * melFloats + i];
            }
            double gain = 1 / (1 + Math.exp(-sum / melFloats));
            for (int c = 0; c < 3; c++) {
                int from = (frame * 6 + channelStart + c) * plane;
                int to = (frame * 3 + c) * plane;
                for (int p = 0; p < plane; p++) {
                    out[to + p] = (float) (faces[from + p] * gain + bias[c]);
                }
            }
        }
        return out;
    }
}
