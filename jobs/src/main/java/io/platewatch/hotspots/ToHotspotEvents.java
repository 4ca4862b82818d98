package io.platewatch.hotspots;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The de-identifying entry step: each input record becomes a {@link HotspotEvent} that keeps only a
 * cell, a time and what it counts towards. A record that cannot be placed goes to the dead-letter
 * side output with a reason; nothing identifying (plate, read id, camera id) is copied into it.
 */
public final class ToHotspotEvents {

    /** Records that could not be turned into events. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>(
                    "hotspot-dead-letters", SpecificRecordTypeInfo.forClass(DeadLetter.class));

    private static final String STAGE = "hotspots/to-events";

    private ToHotspotEvents() {}

    /**
     * Incidents are placed by their own position. The job has no site register, so an incident that
     * only names its site is not guessed into a cell: it becomes a dead letter (the reporting
     * system can resend it with a position).
     */
    public static class FromIncident extends ProcessFunction<Incident, HotspotEvent> {
        private final CellGrid grid;

        public FromIncident(int resolution) {
            this.grid = new CellGrid(resolution);
        }

        @Override
        public void processElement(Incident incident, Context ctx, Collector<HotspotEvent> out) {
            GeoPoint position = incident.getPosition();
            if (position == null) {
                ctx.output(DEAD_LETTERS, incidentDeadLetter(incident, "incident has no position"));
                return;
            }
            if (!CellGrid.isValidPosition(position.getLat(), position.getLon())) {
                ctx.output(
                        DEAD_LETTERS,
                        incidentDeadLetter(incident, "incident position is outside WGS84 range"));
                return;
            }
            out.collect(
                    HotspotEvent.incident(
                            grid.cellOf(position.getLat(), position.getLon()),
                            incident.getOccurredAt().toEpochMilli(),
                            incident.getCategory().ordinal(),
                            incident.getValueCents()));
        }
    }

    /**
     * Alerts count as sightings of flagged vehicles. A historical alert (the read predates the
     * flag) is not a live sighting and would rewrite long-closed windows, so it is skipped and
     * counted in the {@code historicalAlertsSkipped} metric.
     */
    public static class FromAlert extends ProcessFunction<Alert, HotspotEvent> {
        private final CellGrid grid;
        private transient Counter historicalSkipped;

        public FromAlert(int resolution) {
            this.grid = new CellGrid(resolution);
        }

        @Override
        public void open(OpenContext openContext) {
            historicalSkipped =
                    getRuntimeContext().getMetricGroup().counter("historicalAlertsSkipped");
        }

        @Override
        public void processElement(Alert alert, Context ctx, Collector<HotspotEvent> out) {
            if (alert.getHistorical()) {
                historicalSkipped.inc();
                return;
            }
            GeoPoint position = alert.getPosition();
            if (!CellGrid.isValidPosition(position.getLat(), position.getLon())) {
                ctx.output(
                        DEAD_LETTERS,
                        deadLetter(Topic.ALERTS, null, "alert position is outside WGS84 range"));
                return;
            }
            out.collect(
                    HotspotEvent.sighting(
                            grid.cellOf(position.getLat(), position.getLon()),
                            alert.getCapturedAt().toEpochMilli(),
                            sightingKey(alert.getCameraId(), alert.getReadId())));
        }
    }

    /** Every read counts towards the traffic of its cell. */
    public static class FromRead extends ProcessFunction<PlateRead, HotspotEvent> {
        private final CellGrid grid;

        public FromRead(int resolution) {
            this.grid = new CellGrid(resolution);
        }

        @Override
        public void processElement(PlateRead read, Context ctx, Collector<HotspotEvent> out) {
            GeoPoint position = read.getPosition();
            if (!CellGrid.isValidPosition(position.getLat(), position.getLon())) {
                ctx.output(
                        DEAD_LETTERS,
                        deadLetter(
                                Topic.PLATE_READS, null, "read position is outside WGS84 range"));
                return;
            }
            out.collect(
                    HotspotEvent.read(
                            grid.cellOf(position.getLat(), position.getLon()),
                            read.getCapturedAt().toEpochMilli()));
        }
    }

    /**
     * A 64-bit digest of (camera, read id): equal for the alerts of one read, so the read counts as
     * one sighting however many flags it matched. It stays in window state and is never emitted.
     */
    static long sightingKey(String cameraId, String readId) {
        UUID digest =
                UUID.nameUUIDFromBytes(
                        (cameraId + '\u0000' + readId).getBytes(StandardCharsets.UTF_8));
        return digest.getMostSignificantBits() ^ digest.getLeastSignificantBits();
    }

    /** The incident id is kept as the key: it names no person and lets the reporter fix it. */
    private static DeadLetter incidentDeadLetter(Incident incident, String reason) {
        return deadLetter(
                Topic.INCIDENTS,
                ByteBuffer.wrap(incident.getIncidentId().getBytes(StandardCharsets.UTF_8)),
                reason);
    }

    private static DeadLetter deadLetter(Topic topic, ByteBuffer key, String reason) {
        return DeadLetter.newBuilder()
                .setSourceTopic(topic.topicName())
                .setSourcePartition(-1)
                .setSourceOffset(-1)
                .setKey(key)
                .setPayload(null)
                .setErrorKind(ErrorKind.INVALID_FIELD)
                .setReason(reason)
                .setStage(STAGE)
                .setFailedAt(Instant.now())
                .build();
    }
}
