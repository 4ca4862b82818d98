package io.platewatch.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request/response loop of the Elasticsearch sink: each batch becomes one bulk request of index
 * operations with explicit ids and external versions.
 *
 * <ul>
 *   <li>A request that fails as a whole (no connection, HTTP 429, 5xx) is retried with exponential
 *       backoff until the retry budget's time is spent, then the job fails naming the node.
 *   <li>Per document: written and superseded (a newer version is stored) are done; a retryable
 *       rejection (429, 5xx) is re-sent after a backoff, at most the configured number of times; a
 *       mapping or other client error stops the job with what to fix.
 * </ul>
 *
 * <p>A batch keeps its in-flight slot while it waits for a retry, and the number of in-flight
 * requests and buffered documents is bounded, so a slow or shedding node backpressures the job
 * instead of growing memory. Buffered documents go into checkpoints (at-least-once); replays are
 * harmless because ids and versions make every write idempotent.
 */
public final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, IndexRequestEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final ElasticsearchAsyncClient client;
    private final ElasticsearchRetry retry;
    private final RetryPolicy<BulkResponse> requestRetry;
    private final ScheduledExecutorService scheduler;
    private final Counter written;
    private final Counter superseded;
    private final Counter retried;

    ElasticsearchSinkWriter(
            ElementConverter<T, IndexRequestEntry> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<IndexRequestEntry>> restored,
            String serverUrl,
            ElasticsearchRetry retry) {
        super(converter, context, configuration, restored);
        this.client = ElasticsearchClients.async(serverUrl);
        this.retry = retry;
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "elasticsearch-sink-retries");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.written = context.metricGroup().counter("elasticsearchDocumentsWritten");
        this.superseded = context.metricGroup().counter("elasticsearchDocumentsSuperseded");
        this.retried = context.metricGroup().counter("elasticsearchRetries");
        this.requestRetry =
                RetryPolicy.<BulkResponse>builder()
                        .handleIf(ElasticsearchErrors::isRetryableRequestFailure)
                        .withBackoff(retry.initialDelay(), retry.maxDelay())
                        .withMaxRetries(-1)
                        .withMaxDuration(retry.giveUpAfter())
                        .onRetry(
                                event -> {
                                    retried.inc();
                                    LOG.warn(
                                            "Elasticsearch bulk request failed ({}), retry {}",
                                            ElasticsearchErrors.unwrap(event.getLastException())
                                                    .getClass()
                                                    .getSimpleName(),
                                            event.getAttemptCount());
                                })
                        .build();
        LOG.info("Elasticsearch sink writing to {}", serverUrl);
    }

    @Override
    protected void submitRequestEntries(
            List<IndexRequestEntry> entries, ResultHandler<IndexRequestEntry> result) {
        BulkRequest request = bulk(entries);
        Failsafe.with(requestRetry)
                .with(scheduler)
                .getStageAsync(() -> client.bulk(request))
                .whenComplete(
                        (response, error) -> {
                            if (error != null) {
                                failRequest(entries, error, result);
                            } else {
                                handleItems(entries, response, result);
                            }
                        });
    }

    static BulkRequest bulk(List<IndexRequestEntry> entries) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (IndexRequestEntry entry : entries) {
            bulk.operations(
                    operation ->
                            operation.index(
                                    index -> {
                                        index.index(entry.index())
                                                .id(entry.id())
                                                .document(
                                                        BinaryData.of(
                                                                entry.source()
                                                                        .getBytes(
                                                                                StandardCharsets
                                                                                        .UTF_8),
                                                                ContentType.APPLICATION_JSON));
                                        if (entry.version() >= 0) {
                                            index.version(entry.version())
                                                    .versionType(VersionType.ExternalGte);
                                        }
                                        return index;
                                    }));
        }
        return bulk.build();
    }

    private void failRequest(
            List<IndexRequestEntry> entries,
            Throwable error,
            ResultHandler<IndexRequestEntry> result) {
        Throwable cause = ElasticsearchErrors.unwrap(error);
        String message =
                ElasticsearchErrors.isRetryableRequestFailure(cause)
                        ? "Elasticsearch did not accept a bulk request of "
                                + entries.size()
                                + " documents within "
                                + retry.giveUpAfter().toSeconds()
                                + " s of retries ("
                                + cause.getClass().getSimpleName()
                                + "): check that the node is up and not overloaded."
                        : "Elasticsearch refused a bulk request of "
                                + entries.size()
                                + " documents ("
                                + cause.getClass().getSimpleName()
                                + ": "
                                + cause.getMessage()
                                + ").";
        LOG.error("Elasticsearch sink stops: {}", message);
        result.completeExceptionally(new ElasticsearchSinkException(message, cause));
    }

    /** Items come back in request order; each is judged on its own. */
    private void handleItems(
            List<IndexRequestEntry> entries,
            BulkResponse response,
            ResultHandler<IndexRequestEntry> result) {
        List<IndexRequestEntry> again = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            String errorType = item.error() == null ? null : item.error().type();
            switch (ElasticsearchErrors.classifyItem(item.status(), errorType)) {
                case WRITTEN -> written.inc();
                case SUPERSEDED -> superseded.inc();
                case RETRY -> again.add(entries.get(i).nextAttempt());
                case FATAL -> {
                    String fix =
                            ElasticsearchErrors.fixForDocument(
                                    item.index(),
                                    item.status(),
                                    errorType,
                                    item.error() == null ? "" : item.error().reason());
                    LOG.error("Elasticsearch sink stops: {}", fix);
                    result.completeExceptionally(new ElasticsearchSinkException(fix));
                    return;
                }
            }
        }
        if (again.isEmpty()) {
            result.complete();
            return;
        }
        int attempt = again.get(0).attempt();
        if (attempt >= retry.maxDocumentAttempts()) {
            String message =
                    again.size()
                            + " documents were still rejected as retryable after "
                            + attempt
                            + " attempts: the node is overloaded; give it more resources or"
                            + " lower the sink's batch size and in-flight requests.";
            LOG.error("Elasticsearch sink stops: {}", message);
            result.completeExceptionally(new ElasticsearchSinkException(message));
            return;
        }
        retried.inc();
        LOG.warn(
                "Elasticsearch rejected {} documents as retryable; retry {}",
                again.size(),
                attempt);
        scheduler.schedule(
                () -> result.retryForEntries(again),
                retry.delayBefore(attempt).toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected long getSizeInBytes(IndexRequestEntry entry) {
        return entry.sizeInBytes();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            scheduler.shutdownNow();
            try {
                client._transport().close();
            } catch (IOException e) {
                LOG.warn("closing the Elasticsearch client failed: {}", e.getMessage());
            }
        }
    }
}
