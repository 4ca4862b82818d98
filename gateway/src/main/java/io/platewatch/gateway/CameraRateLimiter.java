package io.platewatch.gateway;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per camera: a camera may burst after a quiet spell, then is held to its sustained
 * rate. One misbehaving camera cannot starve the others or flood Kafka.
 */
public final class CameraRateLimiter {
    private final long ratePerSecond;
    private final long burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CameraRateLimiter(long ratePerSecond, long burst) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /**
     * Takes one request from the camera's bucket. Returns 0 when allowed, else the whole seconds to
     * wait before the next request can pass (at least 1).
     */
    public long tryAcquire(String cameraId) {
        ConsumptionProbe probe =
                buckets.computeIfAbsent(cameraId, id -> newBucket())
                        .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(
                        Bandwidth.builder()
                                .capacity(burst)
                                .refillGreedy(ratePerSecond, Duration.ofSeconds(1))
                                .build())
                .build();
    }
}
