package io.platewatch.simulator;

import java.util.Arrays;

/** Keeps every latency of a bounded run, for exact percentiles at the end. */
final class LatencyRecorder {
    private long[] nanos = new long[1024];
    private int size;

    synchronized void record(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    /** The latency at quantile {@code q} (0 to 1) in milliseconds; 0 when none was recorded. */
    synchronized double millisAt(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(q * size) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
