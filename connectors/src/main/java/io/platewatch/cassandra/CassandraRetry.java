package io.platewatch.cassandra;

import java.io.Serializable;
import java.time.Duration;

/**
 * How a write that failed for a transient reason (timeout, unavailable replicas, overloaded node,
 * no node reachable) is retried: exponential backoff from {@code initialDelay} up to {@code
 * maxDelay}, for at most {@code giveUpAfter} in all. After that the sink fails the job with a
 * message saying Cassandra stayed unreachable; Flink's restart strategy then takes over, and the
 * replayed writes are harmless because they upsert by primary key.
 */
public record CassandraRetry(Duration initialDelay, Duration maxDelay, Duration giveUpAfter)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public CassandraRetry {
        if (initialDelay.isNegative()
                || initialDelay.isZero()
                || maxDelay.compareTo(initialDelay) < 0
                || giveUpAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException(
                    "retry delays must satisfy 0 < initialDelay <= maxDelay <= giveUpAfter");
        }
    }
}
