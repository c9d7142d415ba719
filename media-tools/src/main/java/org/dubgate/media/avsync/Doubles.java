package org.dubgate.media.avsync;

import java.util.Arrays;

/** A growing list of doubles without boxing: per-frame and per-bin scalars of sources of any length. */
final class Doubles {

    private double[] values = new double[1024];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
