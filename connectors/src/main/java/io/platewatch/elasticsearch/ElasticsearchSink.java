package io.platewatch.elasticsearch;

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
 * A Flink sink that indexes documents into Elasticsearch with bulk requests, on the official Java
 * client; see {@link ElasticsearchSinkWriter} for retries and failure handling. Built with {@link
 * #builder()}; for hot-spot cells use {@link HotspotCellConverter}.
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, IndexRequestEntry> {

    private final String serverUrl;
    private final ElasticsearchRetry retry;

    ElasticsearchSink(
            ElementConverter<T, IndexRequestEntry> converter,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            String serverUrl,
            ElasticsearchRetry retry) {
        super(
                converter,
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                ElasticsearchSinkOptions.MAX_BATCH_SIZE_IN_BYTES,
                ElasticsearchSinkOptions.MAX_TIME_IN_BUFFER_MS,
                ElasticsearchSinkOptions.MAX_RECORD_SIZE_IN_BYTES);
        this.serverUrl = serverUrl;
        this.retry = retry;
    }

    public static <T> ElasticsearchSinkBuilder<T> builder() {
        return new ElasticsearchSinkBuilder<>();
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexRequestEntry>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<IndexRequestEntry>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<IndexRequestEntry>> state) {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .build();
        return new ElasticsearchSinkWriter<>(
                getElementConverter(), context, configuration, state, serverUrl, retry);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<IndexRequestEntry>>
            getWriterStateSerializer() {
        return new IndexRequestEntrySerializer();
    }
}
