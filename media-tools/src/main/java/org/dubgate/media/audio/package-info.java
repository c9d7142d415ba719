/**
 * PCM audio that needs no decoder (engine output is plain WAV): small measurements, and the JDK's
 * reader for the files FFmpeg would otherwise open one demuxer and filter graph each for.
 */
package org.dubgate.media.audio;
