package org.dubgate.media.mix;

import java.util.Comparator;
import java.util.List;

/**
 * How far each sample lies inside a set of spans, asked for samples in increasing order: 1 inside
 * a span, 0 away from all of them, a linear ramp just outside each edge (so gain changes never
 * click). Walks the sorted spans once, so a film's thousand cues cost no more per sample than one.
 */
final class SpanCursor {

    private final long[] starts;
    private final long[] ends;
    private final long ramp;
    private int first;

    SpanCursor(List<Span> spans, long rampSamples) {
        List<Span> sorted = spans.stream().sorted(Comparator.comparing(Span::start)).toList();
        starts = sorted.stream().mapToLong(s -> DialogueStem.samples(s.start())).toArray();
        ends = sorted.stream().mapToLong(s -> DialogueStem.samples(s.end())).toArray();
        ramp = rampSamples;
    }

    /** The presence at {@code sample}; samples must not go backwards between calls. */
    float at(long sample) {
        while (first < starts.length && ends[first] + ramp <= sample) {
            first++;
        }
        float depth = 0f;
        for (int i = first; i < starts.length && starts[i] - ramp <= sample; i++) {
            if (sample >= starts[i] && sample < ends[i]) {
                return 1f;
            } else if (sample < starts[i]) {
                depth = Math.max(depth, (float) (sample - (starts[i] - ramp)) / ramp);
            } else if (sample < ends[i] + ramp) {
                depth = Math.max(depth, 1f - (float) (sample - ends[i]) / ramp);
            }
        }
        return depth;
    }
}
