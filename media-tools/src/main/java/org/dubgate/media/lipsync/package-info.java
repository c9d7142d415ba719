/**
 * Lip-sync (visual ADR): re-drawing the mouth of an on-screen performer in chosen shots so it matches
 * the dub, with everything outside those shots' GOPs stream-copied. {@link org.dubgate.media.lipsync.MouthModel}
 * is the one contract a mouth engine meets — the weight-free engine here, or a trained model through ONNX Runtime.
 *
 * <ul>
 * <li>{@link org.dubgate.media.lipsync.PictureAlteration#alter} — the alteration: face tracking and mouth motion
 * from {@code org.dubgate.media.avsync}, mel windows ({@link org.dubgate.media.lipsync.MelWindows}), the model in
 * batches, the mouth region blended back, and the GOP-exact rewrite into Matroska; its result is an
 * {@link org.dubgate.media.lipsync.Alteration} of {@link org.dubgate.media.lipsync.ShotAlteration}s.</li>
 * <li>{@link org.dubgate.media.lipsync.MouthWarp} — the weight-free engine, driven by a parameter file
 * ({@link org.dubgate.media.lipsync.MouthWarpParams}).</li>
 * </ul>
 *
 * <p>Inside, in pass order: {@code VideoIndex} (packets and GOPs, demux only), {@code Splice} (which GOPs a run
 * re-encodes, open GOPs included), {@code ShotAnalysis} (faces, scenes, reference crops), {@code GopRewriter}
 * with {@code MouthPainter}, {@code FrameImage}, {@code MouthRegion} and {@code SegmentEncoder} (the rewrite).
 *
 * <p>OpenCV is needed at run time (face detection, the FFT), as for {@code avsync}: a module calling this
 * package declares {@code org.bytedeco:opencv} and {@code org.bytedeco:openblas} itself.
 */
package org.dubgate.media.lipsync;
