package org.dubgate.media.qa;

/**
 * A gap of digital silence inside the voiced part of a line: the signal was at speech level just
 * before and is again just after, as when a block of samples is lost or zeroed.
 *
 * @param startSeconds where the silence begins, from the start of the file
 * @param lengthSeconds how long it lasts
 * @param beforeDbfs RMS level of the signal just before the gap
 * @param afterDbfs RMS level of the signal just after it
 */
public record Dropout(double startSeconds, double lengthSeconds, double beforeDbfs, double afterDbfs) {
}
