/**
 * Building dubbed audio with FFmpeg through JavaCV: lines decoded, tempo-changed (pitch-preserving
 * {@code atempo}) and resampled to 48 kHz, placed at their exact sample, streamed into 24-bit WAV.
 */
package org.dubgate.media.mix;
