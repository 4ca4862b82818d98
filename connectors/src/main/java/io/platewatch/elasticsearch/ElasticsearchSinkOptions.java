package io.platewatch.elasticsearch;

import java.time.Duration;

/** Defaults of the Elasticsearch sink. */
public final class ElasticsearchSinkOptions {

    /** Documents per bulk request. */
    public static final int MAX_BATCH_SIZE = 500;

    /**
     * Bulk requests in flight per subtask. Small on purpose: a slow node makes requests wait, the
     * buffer fills, and the writer then blocks the task, which backpressures the job.
     */
    public static final int MAX_IN_FLIGHT_REQUESTS = 2;

    /** Documents buffered per subtask before the writer blocks. */
    public static final int MAX_BUFFERED_REQUESTS = 5_000;

    public static final long MAX_BATCH_SIZE_IN_BYTES = 5L * 1024 * 1024;

    /** A partly filled batch is sent after this long. */
    public static final long MAX_TIME_IN_BUFFER_MS = 1_000;

    public static final long MAX_RECORD_SIZE_IN_BYTES = 1024L * 1024;

    public static final ElasticsearchRetry RETRY =
            new ElasticsearchRetry(
                    Duration.ofMillis(200), Duration.ofSeconds(10), 10, Duration.ofMinutes(5));

    private ElasticsearchSinkOptions() {}
}
