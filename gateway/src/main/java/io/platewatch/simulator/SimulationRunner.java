package io.platewatch.simulator;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Iterator;

/**
 * Feeds simulated events to a target at a target rate, and stops at a count, a wall-clock duration
 * or the end of the simulated period, whichever comes first.
 */
public final class SimulationRunner {
    private SimulationRunner() {}

    /**
     * What one run did.
     *
     * @param events events handed to the target
     * @param misreads reads whose plate text is a misread
     * @param backlogReads reads sent late after a camera outage
     * @param seconds wall-clock time from first event to the last acknowledgement
     */
    public record RunReport(
            long events,
            long reads,
            long incidents,
            long misreads,
            long backlogReads,
            double seconds,
            double readsPerSecond,
            TargetReport target) {}

    /**
     * Runs until one bound is reached.
     *
     * @param ratePerSecond events per second; 0 for as fast as the target takes them
     * @param maxEvents events to send at most; 0 for no limit
     * @param maxDuration wall-clock limit; null for none
     */
    public static RunReport run(
            Iterator<SimEvent> events,
            SimulationTarget target,
            double ratePerSecond,
            long maxEvents,
            Duration maxDuration)
            throws InterruptedException {
        Bucket pace = ratePerSecond > 0 ? pace(ratePerSecond) : null;
        long started = System.nanoTime();
        long deadline = maxDuration == null ? Long.MAX_VALUE : started + maxDuration.toNanos();
        long count = 0;
        long reads = 0;
        long incidents = 0;
        long misreads = 0;
        long backlog = 0;
        while (events.hasNext()
                && (maxEvents <= 0 || count < maxEvents)
                && System.nanoTime() < deadline) {
            if (pace != null) {
                pace.asBlocking().consume(1);
            }
            SimEvent event = events.next();
            count++;
            if (event instanceof SimulatedRead read) {
                reads++;
                misreads += read.misread() ? 1 : 0;
                backlog += read.backlog() ? 1 : 0;
                target.read(read);
            } else if (event instanceof SimulatedIncident incident) {
                incidents++;
                target.incident(incident);
            }
        }
        TargetReport report = target.finish();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new RunReport(
                count,
                reads,
                incidents,
                misreads,
                backlog,
                seconds,
                seconds > 0 ? report.readsAccepted() / seconds : 0,
                report);
    }

    /** A bucket that holds a tenth of a second's events, so pacing stays smooth. */
    private static Bucket pace(double ratePerSecond) {
        long perSecond = Math.max(1, Math.round(ratePerSecond));
        return Bucket.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(Math.max(1, perSecond / 10))
                                .refillGreedy(perSecond, Duration.ofSeconds(1))
                                .initialTokens(1)
                                .build())
                .build();
    }
}
