package org.dubgate.media.lipsync.onnx;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The top-level fields of an ONNX {@code ModelProto} that ONNX Runtime's Java API does not expose
 * (producer version, IR version, opset imports), read straight from the protobuf wire format.
 *
 * <p>Why a reader of our own: {@code OnnxModelMetadata} gives the producer name and graph name but
 * neither the producer version nor the opsets, and those are what tell an operator which exporter
 * (and which operator semantics) produced the file they registered. Pulling in protobuf-java and the
 * generated ONNX classes for six scalar fields would be far more code than this.
 *
 * <p>Streams the file and skips the {@code graph} field (7) without reading it: in a real Wav2Lip
 * export that field holds ~140 MB of weights, and only the few bytes around it are wanted.
 * Field numbers are those of {@code onnx/onnx.proto}: ModelProto ir_version = 1, producer_name = 2,
 * producer_version = 3, domain = 4, model_version = 5, graph = 7, opset_import = 8;
 * OperatorSetIdProto domain = 1, version = 2.
 */
record OnnxHeader(long irVersion, String producerName, String producerVersion, String domain,
                  long modelVersion, Map<String, Long> opsets) {

    /** Strings and opset entries in a header are short; anything bigger means we are not reading ONNX. */
    private static final int MAX_SMALL_FIELD = 1 << 20;

    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    static OnnxHeader read(Path file) throws IOException {
        long ir = 0;
        long modelVersion = 0;
        String producer = "";
        String producerVersion = "";
        String domain = "";
        Map<String, Long> opsets = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    break; // a message simply ends at the end of its bytes
                }
                long key = readVarint(in, first);
                int field = (int) (key >>> 3);
                int wireType = (int) (key & 7);
                switch (field) {
                    case 1 -> ir = expectVarint(in, wireType, field);
                    case 2 -> producer = string(in, wireType, field);
                    case 3 -> producerVersion = string(in, wireType, field);
                    case 4 -> domain = string(in, wireType, field);
                    case 5 -> modelVersion = expectVarint(in, wireType, field);
                    case 8 -> readOpset(smallBytes(in, wireType, field), opsets);
                    default -> skip(in, wireType, field);
                }
            }
        }
        return new OnnxHeader(ir, producer, producerVersion, domain, modelVersion,
                Collections.unmodifiableMap(opsets));
    }

    private static void readOpset(byte[] message, Map<String, Long> opsets) throws IOException {
        String domain = "";
        long version = 0;
        InputStream in = new ByteArrayInputStream(message);
        int first;
        while ((first = in.read()) >= 0) {
            long key = readVarint(in, first);
            int field = (int) (key >>> 3);
            int wireType = (int) (key & 7);
            switch (field) {
                case 1 -> domain = string(in, wireType, field);
                case 2 -> version = expectVarint(in, wireType, field);
                default -> skip(in, wireType, field);
            }
        }
        // "" and "ai.onnx" both name the standard operator set; one key for it keeps look-ups simple
        opsets.put(domain.equals("ai.onnx") ? "" : domain, version);
    }

    private static long expectVarint(InputStream in, int wireType, int field) throws IOException {
        if (wireType != VARINT) {
            throw new IOException("field " + field + " has wire type " + wireType + ", expected a varint");
        }
        int first = in.read();
        if (first < 0) {
            throw new EOFException("file ends inside field " + field);
        }
        return readVarint(in, first);
    }

    private static String string(InputStream in, int wireType, int field) throws IOException {
        return new String(smallBytes(in, wireType, field), StandardCharsets.UTF_8);
    }

    private static byte[] smallBytes(InputStream in, int wireType, int field) throws IOException {
        long length = lengthOf(in, wireType, field);
        if (length > MAX_SMALL_FIELD) {
            throw new IOException("field " + field + " claims " + length + " bytes");
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length) {
            throw new EOFException("file ends inside field " + field);
        }
        return bytes;
    }

    private static void skip(InputStream in, int wireType, int field) throws IOException {
        long length = switch (wireType) {
            case VARINT -> {
                expectVarint(in, wireType, field);
                yield 0;
            }
            case FIXED64 -> 8;
            case FIXED32 -> 4;
            case LENGTH_DELIMITED -> lengthOf(in, wireType, field);
            default -> throw new IOException("field " + field + " has unsupported wire type " + wireType);
        };
        in.skipNBytes(length); // on a file stream this seeks: the weights are never read
    }

    private static long lengthOf(InputStream in, int wireType, int field) throws IOException {
        if (wireType != LENGTH_DELIMITED) {
            throw new IOException("field " + field + " has wire type " + wireType + ", expected length-delimited");
        }
        long length = expectVarint(in, VARINT, field);
        if (length < 0) {
            throw new IOException("field " + field + " has a negative length");
        }
        return length;
    }

    private static long readVarint(InputStream in, int first) throws IOException {
        long value = first & 0x7f;
        int b = first;
        int shift = 7;
        while ((b & 0x80) != 0) {
            if (shift > 63) {
                throw new IOException("varint longer than 10 bytes");
            }
            b = in.read();
            if (b < 0) {
                throw new EOFException("file ends inside a varint");
            }
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        return value;
    }
}
