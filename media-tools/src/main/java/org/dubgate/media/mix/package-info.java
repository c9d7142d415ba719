/**
 * Building the dubbed deliverables with FFmpeg through JavaCV, streamed block by block so memory
 * does not grow with the programme: dialogue stems (lines tempo-changed with the pitch-preserving
 * {@code atempo}, resampled to 48 kHz, placed at their exact sample, over HUMAN stems and kept
 * original dialogue), full mixes (over M&E, 5.1 centre replacement, or ducking), and the Matroska
 * assembly that stream-copies the picture beside the dubbed PCM tracks.
 */
package org.dubgate.media.mix;
