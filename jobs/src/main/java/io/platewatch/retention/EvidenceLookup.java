package io.platewatch.retention;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.platewatch.cassandra.CassandraConnectionConfig;
import io.platewatch.cassandra.CassandraMutationExecutor;
import io.platewatch.cassandra.CassandraRetry;
import io.platewatch.cassandra.CassandraSessions;
import io.platewatch.schemas.EvidenceLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;

/**
 * Completes an evidence link with its read, looked up in {@code reads_by_vehicle} by the full
 * primary key the link carries (match key, capture day and time, camera, read id). Reads and links
 * reach the store through separate streams, so a link may come first: the lookup then tries again
 * with backoff for up to the configured patience, and after that stores the link alone ({@code
 * read_found = false}) rather than hold the job up. Links without an incident are not evidence and
 * produce nothing.
 */
public final class EvidenceLookup extends RichAsyncFunction<EvidenceLink, EvidenceRow> {

    private static final long serialVersionUID = 1L;

    static final String SELECT_READ =
            "SELECT plate, region, site_id, organisation_id, confidence, lat, lon, direction,"
                    + " image_uri FROM reads_by_vehicle WHERE match_key = ? AND day_bucket = ?"
                    + " AND captured_at = ? AND camera_id = ? AND read_id = ?";

    private final CassandraConnectionConfig connection;
    private final CassandraRetry retry;
    private final Duration patience;

    private transient CqlSession session;
    private transient ScheduledExecutorService scheduler;
    private transient CassandraMutationExecutor executor;
    private transient Counter readsMissing;

    public EvidenceLookup(
            CassandraConnectionConfig connection, CassandraRetry retry, Duration patience) {
        this.connection = connection;
        this.retry = retry;
        this.patience = patience;
    }

    @Override
    public void open(OpenContext openContext) {
        session = CassandraSessions.acquire(connection);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        executor =
                new CassandraMutationExecutor(
                        session,
                        retry,
                        scheduler,
                        System::currentTimeMillis,
                        CassandraMutationExecutor.Counters.NONE);
        readsMissing = getRuntimeContext().getMetricGroup().counter("evidenceReadsMissing");
    }

    @Override
    public void asyncInvoke(EvidenceLink link, ResultFuture<EvidenceRow> result) {
        if (link.getIncidentId() == null) {
            result.complete(List.of());
            return;
        }
        RetryPolicy<Optional<Row>> untilFound =
                RetryPolicy.<Optional<Row>>builder()
                        .handleResultIf(Optional::isEmpty)
                        .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(10))
                        .withMaxRetries(-1)
                        .withMaxDuration(patience)
                        .build();
        Instant capturedAt = link.getCapturedAt();
        Failsafe.with(untilFound)
                .with(scheduler)
                .getStageAsync(
                        () ->
                                executor.selectOne(
                                        SELECT_READ,
                                        link.getMatchKey(),
                                        Buckets.day(capturedAt),
                                        capturedAt,
                                        link.getCameraId(),
                                        link.getReadId()))
                .whenComplete(
                        (row, error) -> {
                            if (error != null) {
                                result.completeExceptionally(error);
                            } else {
                                result.complete(List.of(joined(link, row)));
                            }
                        });
    }

    private EvidenceRow joined(EvidenceLink link, Optional<Row> read) {
        EvidenceRow row = EvidenceRow.fromLink(link);
        if (read.isEmpty()) {
            readsMissing.inc();
            return row;
        }
        Row found = read.get();
        row.readFound = true;
        row.plate = found.getString("plate");
        row.region = found.getString("region");
        row.siteId = found.getString("site_id");
        row.organisationId = found.getString("organisation_id");
        row.confidence = found.get("confidence", Float.class);
        row.lat = found.get("lat", Double.class);
        row.lon = found.get("lon", Double.class);
        row.direction = found.getString("direction");
        row.imageUri = found.getString("image_uri");
        return row;
    }

    @Override
    public void close() {
        if (session != null) {
            CassandraSessions.release(connection);
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
