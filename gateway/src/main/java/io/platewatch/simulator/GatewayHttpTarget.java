package io.platewatch.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts simulated reads to the gateway as cameras would: one request per read in the chosen wire
 * format, with the camera's token, up to a bounded number in flight. A camera keeps a read it got
 * no answer for, or a 429 or 503, and tries again with backoff, up to a limit.
 */
public final class GatewayHttpTarget implements SimulationTarget {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final URI endpoint;
    private final Map<String, String> tokens;
    private final WireFormat format;
    private final SimulationTarget incidents;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final FailsafeExecutor<HttpResponse<String>> retries;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final Map<String, AtomicLong> statuses = new TreeMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private long incidentsSkipped;

    /**
     * @param gateway base URL of the gateway
     * @param tokens token of each camera, by camera id
     * @param incidents where incidents go; null to skip them (the gateway takes reads only)
     * @param retries attempts after the first for a read without a 2xx or 4xx answer
     */
    public GatewayHttpTarget(
            URI gateway,
            Map<String, String> tokens,
            WireFormat format,
            SimulationTarget incidents,
            int maxInFlight,
            int retries) {
        this.endpoint = gateway.resolve("/v1/reads");
        this.tokens = tokens;
        this.format = format;
        this.incidents = incidents;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight);
        this.retries =
                Failsafe.with(
                        RetryPolicy.<HttpResponse<String>>builder()
                                .handle(Exception.class)
                                .handleResultIf(r -> r.statusCode() == 429 || r.statusCode() >= 500)
                                .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                                .withMaxRetries(retries)
                                .build());
    }

    @Override
    public void read(SimulatedRead read) {
        HttpRequest request = request(read);
        inFlight.acquireUninterruptibly();
        sent.incrementAndGet();
        long started = System.nanoTime();
        retries.getStageAsync(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .whenComplete(
                        (response, error) -> {
                            try {
                                answered(response, error, started);
                            } finally {
                                inFlight.release();
                            }
                        });
    }

    private HttpRequest request(SimulatedRead read) {
        try {
            return HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(read.camera().id()))
                    .POST(
                            HttpRequest.BodyPublishers.ofByteArray(
                                    MAPPER.writeValueAsBytes(format.encode(read))))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private void answered(HttpResponse<String> response, Throwable error, long startedNanos) {
        String status =
                error != null || response == null ? "io" : Integer.toString(response.statusCode());
        synchronized (statuses) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
        if (response != null && error == null && response.statusCode() / 100 == 2) {
            accepted.incrementAndGet();
            latency.record(System.nanoTime() - startedNanos);
        }
    }

    @Override
    public void incident(SimulatedIncident incident) {
        if (incidents == null) {
            incidentsSkipped++;
        } else {
            incidents.incident(incident);
        }
    }

    @Override
    public TargetReport finish() {
        inFlight.acquireUninterruptibly(maxInFlight);
        inFlight.release(maxInFlight);
        TargetReport incidentReport = incidents == null ? null : incidents.finish();
        Map<String, Long> counts = new TreeMap<>();
        synchronized (statuses) {
            statuses.forEach((status, count) -> counts.put(status, count.get()));
        }
        return new TargetReport(
                sent.get(),
                accepted.get(),
                counts,
                incidentReport == null ? 0 : incidentReport.incidentsSent(),
                incidentsSkipped,
                latency.millisAt(0.5),
                latency.millisAt(0.99),
                latency.millisAt(1.0));
    }

    @Override
    public void close() {
        if (incidents != null) {
            incidents.close();
        }
    }
}
