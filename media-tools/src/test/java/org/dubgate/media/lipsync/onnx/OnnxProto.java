package org.dubgate.media.lipsync.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * ONNX messages written by hand with {@link ProtoWriter}. Field numbers from the public
 * {@code onnx/onnx.proto} (github.com/onnx/onnx):
 * <ul>
 * <li>ModelProto: ir_version 1, producer_name 2, producer_version 3, domain 4, model_version 5, graph 7,
 * opset_import 8; OperatorSetIdProto: domain 1, version 2</li>
 * <li>GraphProto: node 1, name 2, initializer 5, input 11, output 12</li>
 * <li>NodeProto: input 1, output 2, name 3, op_type 4, attribute 5</li>
 * <li>AttributeProto: name 1, i 3, ints 8, type 20 (AttributeType INT = 2, INTS = 7)</li>
 * <li>ValueInfoProto: name 1, type 2; TypeProto: tensor_type 1; TypeProto.Tensor: elem_type 1, shape 2;
 * TensorShapeProto: dim 1; TensorShapeProto.Dimension: dim_value 1, dim_param 2</li>
 * <li>TensorProto: dims 1, data_type 2, name 8, raw_data 9 (fixed-width little-endian);
 * DataType FLOAT = 1, INT64 = 7, DOUBLE = 11</li>
 * </ul>
 */
final class OnnxProto {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int DOUBLE = 11;

    private OnnxProto() {
    }

    static byte[] model(long irVersion, long opset, String producer, String producerVersion, ProtoWriter graph) {
        return new ProtoWriter()
                .varint(1, irVersion)
                .string(2, producer)
                .string(3, producerVersion)
                .string(4, "org.dubgate.test")
                .varint(5, 7)
                .message(7, graph)
                // after the graph, as exporters write it: the header reader must skip the graph to get here
                .message(8, new ProtoWriter().string(1, "").varint(2, opset))
                .toByteArray();
    }

    static ProtoWriter graph(String name, List<ProtoWriter> nodes, List<ProtoWriter> initializers,
                             List<ProtoWriter> inputs, List<ProtoWriter> outputs) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(node -> graph.message(1, node));
        graph.string(2, name);
        initializers.forEach(tensor -> graph.message(5, tensor));
        inputs.forEach(input -> graph.message(11, input));
        outputs.forEach(output -> graph.message(12, output));
        return graph;
    }

    static ProtoWriter node(String opType, List<String> inputs, String output, ProtoWriter... attributes) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(input -> node.string(1, input));
        node.string(2, output).string(3, output + "_node").string(4, opType);
        for (ProtoWriter attribute : attributes) {
            node.message(5, attribute);
        }
        return node;
    }

    static ProtoWriter intAttribute(String name, long value) {
        return new ProtoWriter().string(1, name).varint(3, value).varint(20, 2);
    }

    static ProtoWriter intsAttribute(String name, long... values) {
        ProtoWriter attribute = new ProtoWriter().string(1, name);
        for (long value : values) {
            attribute.varint(8, value);
        }
        return attribute.varint(20, 7);
    }

    /** A graph input or output; each dim is an Integer (fixed) or a String (symbolic, e.g. the batch "n"). */
    static ProtoWriter valueInfo(String name, int elemType, Object... dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object dim : dims) {
            shape.message(1, dim instanceof String param
                    ? new ProtoWriter().string(2, param)
                    : new ProtoWriter().varint(1, ((Number) dim).longValue()));
        }
        ProtoWriter tensorType = new ProtoWriter().varint(1, elemType).message(2, shape);
        return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
    }

    static ProtoWriter floatTensor(String name, long[] dims, float... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            raw.putFloat(value);
        }
        return tensor(name, FLOAT, dims, raw.array());
    }

    static ProtoWriter int64Tensor(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            raw.putLong(value);
        }
        return tensor(name, INT64, new long[] {values.length}, raw.array());
    }

    private static ProtoWriter tensor(String name, int dataType, long[] dims, byte[] raw) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.varint(1, dim);
        }
        return tensor.varint(2, dataType).string(8, name).bytes(9, raw);
    }
}
