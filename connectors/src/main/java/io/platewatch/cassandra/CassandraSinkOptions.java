package io.platewatch.cassandra;

import java.time.Duration;

/** Defaults of the Cassandra sink; each can be changed on {@link CassandraSinkBuilder}. */
public final class CassandraSinkOptions {

    /**
     * Requests (stream elements) sent together; each is written as its own CQL statements. With the
     * in-flight limit this keeps a subtask's concurrent writes (about 100 x 4 x 2 rows) well under
     * what the driver's connections carry.
     */
    public static final int MAX_BATCH_SIZE = 100;

    /** Batches in flight per subtask: with the batch size, bounds concurrent driver requests. */
    public static final int MAX_IN_FLIGHT_REQUESTS = 4;

    /** Requests buffered before the writer applies backpressure. */
    public static final int MAX_BUFFERED_REQUESTS = 4_000;

    public static final long MAX_BATCH_SIZE_IN_BYTES = 4L * 1024 * 1024;

    public static final long MAX_TIME_IN_BUFFER_MS = 200;

    public static final long MAX_RECORD_SIZE_IN_BYTES = 1024L * 1024;

    public static final CassandraRetry RETRY =
            new CassandraRetry(
                    Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofMinutes(2));

    private CassandraSinkOptions() {}
}
