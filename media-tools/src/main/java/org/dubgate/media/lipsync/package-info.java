/**
 * Lip-sync (visual ADR): re-drawing the mouth of an on-screen performer in chosen shots so it matches
 * the dub, with everything outside those shots' GOPs stream-copied. {@link org.dubgate.media.lipsync.MouthModel}
 * is the one contract a mouth engine meets — the weight-free engine here, or a trained model through ONNX Runtime.
 */
package org.dubgate.media.lipsync;
