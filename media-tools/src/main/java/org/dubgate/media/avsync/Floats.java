package org.dubgate.media.avsync;

import java.util.Arrays;

/** A growing list of floats without boxing: the sound's per-bin energies, 4 bytes per eighth of a frame. */
final class Floats {

    private float[] values = new float[4096];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = (float) v;
    }

    int size() {
        return size;
    }

    float get(int i) {
        return values[i];
    }
}
