package io.platewatch.demo;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Counts of one status interval and the latencies of its alerts, turned into an {@link
 * IntervalReport} and reset at each report. Only the monitor's thread uses it.
 */
final class IntervalStats {

    private long intervalStartNanos;
    private long readsIn;
    private long alerts;
    private long deadLetters;
    private long[] latencies = new long[64];
    private int measured;
    private long totalReadsIn;
    private long totalAlerts;
    private long totalDeadLetters;

    IntervalStats(long nowNanos) {
        this.intervalStartNanos = nowNanos;
    }

    void readsIn(long count) {
        readsIn += count;
        totalReadsIn += count;
    }

    void deadLetters(long count) {
        deadLetters += count;
        totalDeadLetters += count;
    }

    /**
     * One alert, with its read-to-alert latency; a historical or replayed alert has none, since its
     * read was stored long before the alert could be raised.
     */
    void alert(OptionalLong latencyMillis) {
        alerts++;
        totalAlerts++;
        if (latencyMillis.isPresent()) {
            if (measured == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[measured++] = latencyMillis.getAsLong();
        }
    }

    long totalAlerts() {
        return totalAlerts;
    }

    /** The interval up to {@code nowNanos}; the next one starts there. */
    IntervalReport report(long nowNanos) {
        long[] sorted = Arrays.copyOf(latencies, measured);
        Arrays.sort(sorted);
        IntervalReport report =
                new IntervalReport(
                        (nowNanos - intervalStartNanos) / 1e9,
                        readsIn,
                        alerts,
                        percentile(sorted, 0.50),
                        percentile(sorted, 0.99),
                        deadLetters,
                        totalReadsIn,
                        totalAlerts,
                        totalDeadLetters);
        intervalStartNanos = nowNanos;
        readsIn = 0;
        alerts = 0;
        deadLetters = 0;
        measured = 0;
        return report;
    }

    /** Nearest-rank percentile: the smallest value with at least {@code q} of them at or below. */
    static OptionalLong percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return OptionalLong.empty();
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return OptionalLong.of(sorted[Math.max(0, rank - 1)]);
    }
}
