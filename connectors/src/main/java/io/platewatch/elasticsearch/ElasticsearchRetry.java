package io.platewatch.elasticsearch;

import java.io.Serializable;
import java.time.Duration;

/**
 * How the sink retries: exponential backoff from {@code initialDelay} up to {@code maxDelay}. A
 * bulk request that fails as a whole (connection refused, HTTP 429 or 5xx) is retried until {@code
 * giveUpAfter}; a document the node rejected with a retryable status is re-sent at most {@code
 * maxDocumentAttempts} times.
 */
public record ElasticsearchRetry(
        Duration initialDelay, Duration maxDelay, int maxDocumentAttempts, Duration giveUpAfter)
        implements Serializable {

    public ElasticsearchRetry {
        if (initialDelay.isNegative()
                || maxDelay.compareTo(initialDelay) < 0
                || maxDocumentAttempts < 1
                || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("invalid Elasticsearch retry settings");
        }
    }

    /** Delay before the given retry (1 for the first). */
    public Duration delayBefore(int retry) {
        long millis = initialDelay.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
