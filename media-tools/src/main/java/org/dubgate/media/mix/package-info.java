/**
 * Building the dubbed deliverables with FFmpeg through JavaCV, streamed block by block so memory
 * does not grow with the programme: dialogue stems (lines tempo-changed with the pitch-preserving
 * {@code atempo}, resampled to 48 kHz, placed at their exact sample, over HUMAN stems and kept
 * original dialogue), full mixes (over M&E, 5.1 centre replacement, or ducking), levelling of a
 * stem to a {@link org.dubgate.media.mix.LoudnessTarget} (dialogue-gated gain, then a true-peak limiter;
 * the full mix is limited to the same ceiling), and the Matroska assembly that stream-copies the picture
 * beside the dubbed PCM tracks. Delivered WAVs can carry a {@link org.dubgate.media.mix.Disclosure} in
 * their INFO chunk (R7); {@link org.dubgate.media.mix.SpanExcerpt} cuts one span out of any file, sought
 * rather than decoded from the start, for a reviewer to listen to. FFmpeg decodes, resamples and
 * stretches; the 24-bit WAVs are written in Java, byte for byte as FFmpeg's muxer wrote them, hashed
 * as they are written ({@link org.dubgate.media.mix.FileDigest}), and the full mix takes the stem's
 * samples as they are written instead of reading the file back.
 */
package org.dubgate.media.mix;
