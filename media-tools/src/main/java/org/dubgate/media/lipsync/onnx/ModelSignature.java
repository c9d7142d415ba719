package org.dubgate.media.lipsync.onnx;

import java.util.Map;

/**
 * What an opened ONNX mouth model says about itself, for the server to record beside the file's hash
 * in a job's provenance: the hash says which bytes ran, this says what those bytes claim to be (which
 * exporter wrote them, against which operator sets) and how the adapter wired them up.
 *
 * @param producerName    ModelProto {@code producer_name}, e.g. {@code pytorch}; empty if the exporter left it out
 * @param producerVersion ModelProto {@code producer_version}, e.g. {@code 2.5.1}; empty if absent
 * @param graphName       GraphProto {@code name}, e.g. {@code main_graph}
 * @param domain          ModelProto {@code domain}; usually empty
 * @param modelVersion    ModelProto {@code model_version}; 0 if absent
 * @param irVersion       ModelProto {@code ir_version}
 * @param opsets          operator set domain → version; the standard set under {@code ""}
 * @param melInput        the name of the input found to be the mel window
 * @param facesInput      the name of the input found to be the faces
 * @param output          the name of the output
 * @param cropSize        S, the side of the face crop
 * @param fixedBatch      the batch size the model was exported with, or 0 for a dynamic batch dimension
 */
public record ModelSignature(String producerName, String producerVersion, String graphName, String domain,
                             long modelVersion, long irVersion, Map<String, Long> opsets,
                             String melInput, String facesInput, String output, int cropSize, int fixedBatch) {

    public ModelSignature {
        opsets = Map.copyOf(opsets);
    }

    /** The version of the standard ONNX operator set the model imports, or -1 if it imports none. */
    public long opset() {
        return opsets.getOrDefault("", -1L);
    }
}
