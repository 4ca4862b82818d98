package io.platewatch.simulator;

import java.util.Map;

/**
 * What a target did with the events it was given.
 *
 * @param readsSent reads handed on (requests made, records produced, lines written)
 * @param readsAccepted reads the receiver acknowledged (2xx, Kafka ack, written)
 * @param statusCounts answers by HTTP status ("io" for requests that got none)
 * @param incidentsSent incidents produced
 * @param incidentsSkipped incidents this target has nowhere to send
 * @param latencyP50Millis median time to acknowledgement
 * @param latencyP99Millis 99th percentile time to acknowledgement
 * @param latencyMaxMillis slowest acknowledgement
 */
public record TargetReport(
        long readsSent,
        long readsAccepted,
        Map<String, Long> statusCounts,
        long incidentsSent,
        long incidentsSkipped,
        double latencyP50Millis,
        double latencyP99Millis,
        double latencyMaxMillis) {}
