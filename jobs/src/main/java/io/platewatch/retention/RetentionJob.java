package io.platewatch.retention;

import io.platewatch.alerting.AlertingJob;
import io.platewatch.cassandra.CassandraConnectionConfig;
import io.platewatch.cassandra.CassandraRetry;
import io.platewatch.cassandra.CassandraRowMapper;
import io.platewatch.cassandra.CassandraSink;
import io.platewatch.cassandra.CassandraSinkOptions;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.AuditEvent;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Stores the platform's streams in the Cassandra retention and evidence store: reads (60 days from
 * capture, by vehicle and by site), evidence (links completed with their read, kept for the
 * incident retention from the link), alerts (by id and by audience organisation), the current
 * hotlist by plate, and the append-only audit trail. Every write is an upsert or delete by primary
 * key, so a replay after a failure leaves the same rows.
 *
 * <p>Evidence needs the read's fields but a link carries only its key (match key, capture time,
 * camera, read id): the link is completed by a lookup of that exact row in {@code reads_by_vehicle}
 * (see {@link EvidenceLookup}), which waits a bounded time for a read that has not been written
 * yet. A link whose read has already expired, or never arrives, is stored without the read's
 * fields.
 */
public final class RetentionJob {

    /** Inputs of the job; any may be null when a deployment does not store that stream. */
    public record Inputs(
            DataStream<PlateRead> reads,
            DataStream<EvidenceLink> evidenceLinks,
            DataStream<Alert> alerts,
            DataStream<VehicleFlag> flags,
            DataStream<AuditEvent> auditEvents) {

        /**
         * The alerting job's outputs plus the streams it consumes, for running both jobs in one
         * Flink job; audit events are not stored then.
         */
        public static Inputs fromAlerting(
                AlertingJob.Outputs alerting,
                DataStream<PlateRead> reads,
                DataStream<VehicleFlag> flags) {
            return new Inputs(reads, alerting.evidenceLinks(), alerting.alerts(), flags, null);
        }
    }

    private final RetentionConfig config;
    private final CassandraConnectionConfig connection;
    private final CassandraRetry retry;

    public RetentionJob(
            RetentionConfig config, CassandraConnectionConfig connection, CassandraRetry retry) {
        this.config = config;
        this.connection = connection;
        this.retry = retry;
    }

    public RetentionJob(RetentionConfig config, CassandraConnectionConfig connection) {
        this(config, connection, CassandraSinkOptions.RETRY);
    }

    /** Attaches a store to every input that is present. */
    public void build(Inputs inputs) {
        if (inputs.reads() != null) {
            inputs.reads()
                    .sinkTo(sink(new ReadRows(config)))
                    .name("reads-store")
                    .uid("reads-store");
        }
        if (inputs.evidenceLinks() != null) {
            evidence(inputs.evidenceLinks())
                    .sinkTo(sink(new EvidenceRows(config)))
                    .name("evidence-store")
                    .uid("evidence-store");
        }
        if (inputs.alerts() != null) {
            inputs.alerts()
                    .sinkTo(sink(new AlertRows(config)))
                    .name("alerts-store")
                    .uid("alerts-store");
        }
        if (inputs.flags() != null) {
            inputs.flags()
                    .keyBy(VehicleFlag::getFlagId)
                    .process(new FlagKeyTracker(config))
                    .name("flag-keys")
                    .uid("flag-keys")
                    .sinkTo(sink(new FlagRows()))
                    .name("flags-store")
                    .uid("flags-store");
        }
        if (inputs.auditEvents() != null) {
            inputs.auditEvents()
                    .sinkTo(sink(new AuditRows()))
                    .name("audit-store")
                    .uid("audit-store");
        }
    }

    /** Links completed with their read, for the evidence table. */
    DataStream<EvidenceRow> evidence(DataStream<EvidenceLink> links) {
        // The lookup's own retries (patience for a late read, backoff for an outage) must finish
        // before Flink's timeout would fail the job.
        Duration timeout =
                config.evidenceLookupPatience().plus(retry.giveUpAfter()).plusSeconds(30);
        return AsyncDataStream.unorderedWait(
                        links,
                        new EvidenceLookup(connection, retry, config.evidenceLookupPatience()),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS,
                        100)
                .name("evidence-read-lookup")
                .uid("evidence-read-lookup");
    }

    private <T> CassandraSink<T> sink(CassandraRowMapper<T> mapper) {
        return CassandraSink.<T>builder()
                .setConnection(connection)
                .setRetry(retry)
                .setRowMapper(mapper)
                .build();
    }
}
