/**
 * A trained Wav2Lip-class lip-sync network, exported to ONNX by the operator, run through ONNX Runtime on
 * the CPU as a {@link org.dubgate.media.lipsync.MouthModel}.
 *
 * <p>{@link org.dubgate.media.lipsync.onnx.OnnxMouthModel#open} loads the exact file it is given (the server
 * registers and hash-pins it first; nothing here downloads or looks anything up), checks that the graph has
 * Wav2Lip's signature — mel window {@code [n,1,80,16]} and faces {@code [n,6,S,S]} in, {@code [n,3,S,S]}
 * out, told apart by shape rather than name — and reports what the file says of itself as a
 * {@link org.dubgate.media.lipsync.onnx.ModelSignature} for provenance.
 *
 * <p>ONNX Runtime ({@code com.microsoft.onnxruntime:onnxruntime}) is an optional dependency of media-tools:
 * a module that opens ONNX mouth models must declare it itself.
 */
package org.dubgate.media.lipsync.onnx;
