package org.dubgate.media.qa;

import java.time.Duration;
import java.util.List;

/**
 * What the recognizer heard in a line, against the line's script text.
 *
 * @param script the script text as given
 * @param recognized the recognizer's words, lower case, space-separated ("" when it heard none)
 * @param referenceWords the script's words the recognizer knows, normalized as in
 *        {@link WordErrors#words}: the reference of the error rate
 * @param unknownWords script words missing from the recognizer's dictionary, each once, in order.
 *        They cannot be recognized, so they are left OUT of the reference (counting them would fail
 *        every line with a name in it); their sound still tends to come out as other words, which
 *        count as insertions
 * @param errors the alignment of {@code recognized} against {@code referenceWords}
 * @param wordErrorRate {@code errors.rate()}: (S + D + I) / N, above 1 when the recognizer heard more
 *        words than the script has; NaN when no script word is known
 * @param audioSeconds the length of the audio the recognizer was given
 * @param elapsed the whole check: conversion to 16 kHz and recognition
 */
public record ConformanceFigures(String script, String recognized, List<String> referenceWords,
                                 List<String> unknownWords, WordErrors errors, double wordErrorRate,
                                 double audioSeconds, Duration elapsed) {

    public ConformanceFigures {
        referenceWords = List.copyOf(referenceWords);
        unknownWords = List.copyOf(unknownWords);
    }
}
