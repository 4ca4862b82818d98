package io.platewatch.cassandra;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A Flink sink that stores each element as CQL writes through the Cassandra Java driver, with
 * prepared statements, a bounded number of requests in flight, retries with backoff for transient
 * failures and a fix-it message for fatal ones. Delivery is at-least-once; idempotent writes (by
 * primary key) make replays invisible. Build one with {@link #builder()}.
 */
public final class CassandraSink<T> extends AsyncSinkBase<T, CassandraWriteRequest> {

    private static final long serialVersionUID = 1L;

    private final CassandraConnectionConfig connection;
    private final CassandraRetry retry;

    CassandraSink(
            ElementConverter<T, CassandraWriteRequest> converter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMS,
            long maxRecordSizeInBytes,
            CassandraConnectionConfig connection,
            CassandraRetry retry) {
        super(
                converter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMS,
                maxRecordSizeInBytes);
        this.connection = connection;
        this.retry = retry;
    }

    public static <T> CassandraSinkBuilder<T> builder() {
        return new CassandraSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<CassandraWriteRequest>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<CassandraWriteRequest>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<CassandraWriteRequest>> recovered) {
        return new CassandraSinkWriter<>(
                getElementConverter(),
                context,
                writerConfiguration(),
                recovered,
                connection,
                retry);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<CassandraWriteRequest>>
            getWriterStateSerializer() {
        return new CassandraWriteRequestSerializer();
    }

    private AsyncSinkWriterConfiguration writerConfiguration() {
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                // The executor bounds each write's retries itself; the batch may take that long.
                .setRequestTimeoutMS(retry.giveUpAfter().toMillis() + 60_000)
                .setFailOnTimeout(true)
                .build();
    }
}
