package io.platewatch.demo;

import java.util.OptionalLong;

/**
 * Throughput and latency of one status interval, with running totals.
 *
 * @param intervalSeconds length of the interval
 * @param readsIn reads stored in the read topic during the interval
 * @param alerts alerts on the alert topic during the interval
 * @param latencyP50Millis median read-to-alert latency of the interval's live alerts; empty without
 *     any (historical and replayed alerts have no such latency)
 * @param latencyP99Millis 99th percentile of the same
 * @param deadLetters records rejected to the dead-letter topic during the interval
 * @param totalReadsIn reads since the demo began watching
 * @param totalAlerts alerts since then
 * @param totalDeadLetters dead letters since then
 */
public record IntervalReport(
        double intervalSeconds,
        long readsIn,
        long alerts,
        OptionalLong latencyP50Millis,
        OptionalLong latencyP99Millis,
        long deadLetters,
        long totalReadsIn,
        long totalAlerts,
        long totalDeadLetters) {

    public double readsPerSecond() {
        return perSecond(readsIn);
    }

    public double alertsPerSecond() {
        return perSecond(alerts);
    }

    private double perSecond(long count) {
        return intervalSeconds > 0 ? count / intervalSeconds : 0;
    }
}
