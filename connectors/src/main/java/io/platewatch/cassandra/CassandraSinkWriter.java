package io.platewatch.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 * The request/response loop of the Cassandra sink: each batch of requests is handed to the {@link
 * CassandraMutationExecutor}, and the batch completes when all of its writes have. Retries with
 * backoff happen inside the executor; a fatal failure or an exhausted retry budget fails the job
 * with the executor's fix-it message. Buffered requests go into checkpoints (at-least-once), and
 * replaying them is harmless because every write is keyed by the row's primary key.
 */
public final class CassandraSinkWriter<T> extends AsyncSinkWriter<T, CassandraWriteRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(CassandraSinkWriter.class);

    private final CassandraConnectionConfig connection;
    private final CqlSession session;
    private final ScheduledExecutorService scheduler;
    private final CassandraMutationExecutor executor;

    CassandraSinkWriter(
            ElementConverter<T, CassandraWriteRequest> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<CassandraWriteRequest>> restored,
            CassandraConnectionConfig connection,
            CassandraRetry retry) {
        super(converter, context, configuration, restored);
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "cassandra-sink-retries");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.connection = connection;
        this.session = openSession(connection, retry);
        this.executor =
                new CassandraMutationExecutor(
                        session,
                        retry,
                        scheduler,
                        System::currentTimeMillis,
                        new MetricCounters(context));
    }

    @Override
    protected void submitRequestEntries(
            List<CassandraWriteRequest> requests, ResultHandler<CassandraWriteRequest> result) {
        List<CompletableFuture<Void>> writes = new ArrayList<>(requests.size());
        for (CassandraWriteRequest request : requests) {
            writes.add(executor.execute(request));
        }
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                .whenComplete(
                        (ok, error) -> {
                            if (error == null) {
                                result.complete();
                                return;
                            }
                            Throwable cause = CassandraErrors.unwrap(error);
                            LOG.error(
                                    "Cassandra sink stops: a batch of {} requests failed ({})",
                                    requests.size(),
                                    cause.getClass().getSimpleName());
                            result.completeExceptionally(
                                    cause instanceof Exception exception
                                            ? exception
                                            : new CassandraSinkException(
                                                    "Cassandra write failed", cause));
                        });
    }

    @Override
    protected long getSizeInBytes(CassandraWriteRequest request) {
        return request.estimatedSizeInBytes();
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            CassandraSessions.release(connection);
            scheduler.shutdownNow();
        }
    }

    /** Connects, retrying while no node is reachable, within the retry budget. */
    private static CqlSession openSession(
            CassandraConnectionConfig connection, CassandraRetry retry) {
        RetryPolicy<CqlSession> policy =
                RetryPolicy.<CqlSession>builder()
                        .handleIf(CassandraErrors::isRetryable)
                        .withBackoff(retry.initialDelay(), retry.maxDelay())
                        .withMaxRetries(-1)
                        .withMaxDuration(retry.giveUpAfter())
                        .build();
        try {
            return Failsafe.with(policy).get(() -> CassandraSessions.acquire(connection));
        } catch (RuntimeException e) {
            Throwable cause =
                    e instanceof FailsafeException && e.getCause() != null ? e.getCause() : e;
            throw new CassandraSinkException(
                    "Cannot connect the Cassandra sink to "
                            + connection.contactPoints()
                            + " keyspace "
                            + connection.keyspace()
                            + ": "
                            + (CassandraErrors.isRetryable(cause)
                                    ? "no node answered within the retry budget; check the nodes."
                                    : CassandraErrors.fixFor(cause)),
                    cause);
        }
    }

    /** Flink counters of the subtask's writes, skipped expired rows and retries. */
    private static final class MetricCounters implements CassandraMutationExecutor.Counters {

        private final Counter written;
        private final Counter expiredSkipped;
        private final Counter retried;

        MetricCounters(WriterInitContext context) {
            this.written = context.metricGroup().counter("cassandraRowsWritten");
            this.expiredSkipped = context.metricGroup().counter("cassandraExpiredRowsSkipped");
            this.retried = context.metricGroup().counter("cassandraRetries");
        }

        @Override
        public void written() {
            written.inc();
        }

        @Override
        public void expiredSkipped() {
            expiredSkipped.inc();
        }

        @Override
        public void retried() {
            retried.inc();
        }
    }
}
