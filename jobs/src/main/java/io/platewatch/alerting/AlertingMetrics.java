package io.platewatch.alerting;

import org.apache.flink.metrics.Histogram;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * Names of the alerting job's Flink metrics, in one place so dashboards and code agree. Every
 * metric is a plain count or a duration: no plate, read id or organisation is ever part of a metric
 * name or label.
 */
public final class AlertingMetrics {

    /** Reads entering the job. */
    public static final String READS_IN = "platewatchReadsIn";

    /** Records rejected to dead letters by this operator (invalid plates, too many wildcards). */
    public static final String DEAD_LETTERS = "platewatchDeadLetters";

    /** Alternative OCR readings left out because they cannot be a plate. */
    public static final String CANDIDATES_DROPPED = "platewatchCandidatesDropped";

    /** Reads captured behind the current watermark when they reached matching (camera backlog). */
    public static final String LATE_READS = "platewatchLateReads";

    /** Reads matched but not stored, because their retention had run out when they arrived. */
    public static final String READS_NOT_KEPT = "platewatchReadsNotKept";

    /** Reads dropped from state by the retention timer. */
    public static final String READS_EXPIRED = "platewatchReadsExpired";

    /** Flags dropped from state because they expired. */
    public static final String FLAGS_EXPIRED = "platewatchFlagsExpired";

    /** Flag lifecycle events ignored because a newer event of the same flag was already seen. */
    public static final String STALE_FLAG_EVENTS = "platewatchStaleFlagEvents";

    /** Matches found by scanning held reads when a flag was added. */
    public static final String HISTORICAL_MATCHES = "platewatchHistoricalMatches";

    /** Alerts emitted. */
    public static final String ALERTS_OUT = "platewatchAlertsOut";

    /** Matches folded into an earlier alert by the cooldown. */
    public static final String ALERTS_FOLDED = "platewatchAlertsFolded";

    /** Evidence links emitted. */
    public static final String EVIDENCE_LINKS = "platewatchEvidenceLinks";

    /** Live alerts: emittedAt - read.receivedAt, in milliseconds. */
    public static final String READ_TO_ALERT_LATENCY = "platewatchReadToAlertLatencyMs";

    /** Samples the latency histogram keeps for its percentiles. */
    static final int LATENCY_WINDOW = 10_000;

    private AlertingMetrics() {}

    /** A sliding-window histogram of the last {@link #LATENCY_WINDOW} samples. */
    static Histogram latencyHistogram() {
        return new DescriptiveStatisticsHistogram(LATENCY_WINDOW);
    }
}
