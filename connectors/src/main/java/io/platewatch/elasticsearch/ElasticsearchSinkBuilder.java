package io.platewatch.elasticsearch;

import java.util.Objects;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/** Builds an {@link ElasticsearchSink}; the server URL and the converter are required. */
public final class ElasticsearchSinkBuilder<T> {

    private String serverUrl;
    private ElementConverter<T, IndexRequestEntry> converter;
    private int maxBatchSize = ElasticsearchSinkOptions.MAX_BATCH_SIZE;
    private int maxInFlightRequests = ElasticsearchSinkOptions.MAX_IN_FLIGHT_REQUESTS;
    private int maxBufferedRequests = ElasticsearchSinkOptions.MAX_BUFFERED_REQUESTS;
    private ElasticsearchRetry retry = ElasticsearchSinkOptions.RETRY;

    ElasticsearchSinkBuilder() {}

    /** For example {@code http://127.0.0.1:9200}. */
    public ElasticsearchSinkBuilder<T> serverUrl(String value) {
        this.serverUrl = value;
        return this;
    }

    public ElasticsearchSinkBuilder<T> elementConverter(
            ElementConverter<T, IndexRequestEntry> value) {
        this.converter = value;
        return this;
    }

    public ElasticsearchSinkBuilder<T> maxBatchSize(int value) {
        this.maxBatchSize = value;
        return this;
    }

    public ElasticsearchSinkBuilder<T> maxInFlightRequests(int value) {
        this.maxInFlightRequests = value;
        return this;
    }

    /** Must be larger than the batch size: the buffer holds the next batches. */
    public ElasticsearchSinkBuilder<T> maxBufferedRequests(int value) {
        this.maxBufferedRequests = value;
        return this;
    }

    public ElasticsearchSinkBuilder<T> retry(ElasticsearchRetry value) {
        this.retry = value;
        return this;
    }

    public ElasticsearchSink<T> build() {
        return new ElasticsearchSink<>(
                Objects.requireNonNull(converter, "elementConverter"),
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                Objects.requireNonNull(serverUrl, "serverUrl"),
                retry);
    }
}
