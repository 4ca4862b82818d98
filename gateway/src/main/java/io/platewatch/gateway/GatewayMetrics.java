package io.platewatch.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's Prometheus metrics. Labels are formats and outcome codes only: a camera, plate or
 * read id never becomes a label, which keeps series few and the scrape free of personal data.
 */
public final class GatewayMetrics {
    private final PrometheusMeterRegistry registry =
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer storeLatency;
    private final AtomicLong storeFailuresInARow = new AtomicLong();

    public GatewayMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        storeLatency =
                Timer.builder("platewatch.gateway.store")
                        .description("Time from request to Kafka acknowledgement of its reads")
                        .publishPercentiles(0.5, 0.99)
                        .register(registry);
        registry.gauge("platewatch.gateway.store.failures.consecutive", storeFailuresInARow);
    }

    /** Counts a request that was answered 2xx and the reads it stored, by format. */
    public void accepted(MessageFormat format, int reads, Duration storeTime) {
        outcome("accepted");
        Counter.builder("platewatch.gateway.reads.accepted")
                .description("Reads acknowledged by Kafka")
                .tag("format", format.label())
                .register(registry)
                .increment(reads);
        storeLatency.record(storeTime);
        storeFailuresInARow.set(0);
    }

    /** Counts a refused request by its error code (malformed, unauthorized, rate_limited...). */
    public void rejected(String code) {
        outcome(code);
    }

    /** Counts a request whose reads Kafka did not acknowledge in time. */
    public void storeFailed() {
        outcome("store_unavailable");
        storeFailuresInARow.incrementAndGet();
    }

    /** True while the latest attempt to store reads succeeded (or none was made yet). */
    public boolean storeHealthy() {
        return storeFailuresInARow.get() == 0;
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    private void outcome(String code) {
        Counter.builder("platewatch.gateway.requests")
                .description("Ingest requests by outcome")
                .tag("outcome", code)
                .register(registry)
                .increment();
    }
}
