package io.platewatch.cassandra;

import java.util.Objects;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;

/**
 * Builds a {@link CassandraSink}: where to connect, how an element becomes CQL writes, and
 * optionally the retry budget and the batching limits (defaults in {@link CassandraSinkOptions}).
 */
public final class CassandraSinkBuilder<T>
        extends AsyncSinkBaseBuilder<T, CassandraWriteRequest, CassandraSinkBuilder<T>> {

    private CassandraConnectionConfig connection;
    private CassandraRowMapper<T> mapper;
    private CassandraRetry retry = CassandraSinkOptions.RETRY;

    CassandraSinkBuilder() {}

    public CassandraSinkBuilder<T> setConnection(CassandraConnectionConfig connection) {
        this.connection = connection;
        return this;
    }

    public CassandraSinkBuilder<T> setRowMapper(CassandraRowMapper<T> mapper) {
        this.mapper = mapper;
        return this;
    }

    public CassandraSinkBuilder<T> setRetry(CassandraRetry retry) {
        this.retry = retry;
        return this;
    }

    @Override
    public CassandraSink<T> build() {
        Objects.requireNonNull(connection, "the Cassandra sink needs a connection");
        Objects.requireNonNull(mapper, "the Cassandra sink needs a row mapper");
        return new CassandraSink<>(
                new CassandraElementConverter<>(mapper),
                orDefault(getMaxBatchSize(), CassandraSinkOptions.MAX_BATCH_SIZE),
                orDefault(getMaxInFlightRequests(), CassandraSinkOptions.MAX_IN_FLIGHT_REQUESTS),
                orDefault(getMaxBufferedRequests(), CassandraSinkOptions.MAX_BUFFERED_REQUESTS),
                orDefault(getMaxBatchSizeInBytes(), CassandraSinkOptions.MAX_BATCH_SIZE_IN_BYTES),
                orDefault(getMaxTimeInBufferMS(), CassandraSinkOptions.MAX_TIME_IN_BUFFER_MS),
                orDefault(getMaxRecordSizeInBytes(), CassandraSinkOptions.MAX_RECORD_SIZE_IN_BYTES),
                connection,
                retry);
    }

    private static <V> V orDefault(V value, V fallback) {
        return value != null ? value : fallback;
    }
}
