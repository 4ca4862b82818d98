package io.platewatch.hotspots;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The hot-spot job: incidents, alerts and plate reads in; de-identified hourly and daily {@link
 * HotspotCell}s out, with small counts withheld, Gi* z-scores and emerging hot-spot labels.
 *
 * <p>Inputs and sinks are injected: {@link HotspotJobMain} wires Kafka and Elasticsearch, tests
 * wire in-memory ones. Nothing leaves the job but hot-spot cells, dead letters (without plate, read
 * id or camera id) and too-late events (a cell and a time).
 */
public final class HotspotJob {

    private final HotspotConfig config;

    public HotspotJob(HotspotConfig config) {
        this.config = config;
    }

    /**
     * Input streams with timestamps and watermarks assigned (the strategies below), typed with the
     * connectors' Avro type information as their Kafka sources produce them.
     */
    public record Inputs(
            DataStream<Incident> incidents,
            DataStream<Alert> alerts,
            DataStream<PlateRead> reads) {}

    /** Output streams before any sink; {@code pipeline} exposes the intermediate windows. */
    public record Outputs(
            DataStream<HotspotCell> cells,
            DataStream<DeadLetter> deadLetters,
            DataStream<LateEvent> lateEvents,
            HotspotPipeline.Outputs pipeline) {}

    /** Where the outputs go. */
    public record Sinks(
            Sink<HotspotCell> cells, Sink<DeadLetter> deadLetters, Sink<LateEvent> lateEvents) {}

    /** Builds the job and attaches its sinks. */
    public Outputs build(Inputs inputs, Sinks sinks) {
        Outputs outputs = build(inputs);
        outputs.cells().sinkTo(sinks.cells()).name("hot-spot cells").uid("hotspots-cell-sink");
        outputs.lateEvents()
                .sinkTo(sinks.lateEvents())
                .name("too-late events")
                .uid("hotspots-late-sink");
        outputs.deadLetters()
                .sinkTo(sinks.deadLetters())
                .name("hot-spot dead letters")
                .uid("hotspots-dead-letter-sink");
        return outputs;
    }

    /** Builds the job and returns its output streams. */
    public Outputs build(Inputs inputs) {
        int resolution = config.resolution();
        SingleOutputStreamOperator<HotspotEvent> incidents =
                inputs.incidents()
                        .process(new ToHotspotEvents.FromIncident(resolution))
                        .name("incident events")
                        .uid("hotspots-incident-events");
        SingleOutputStreamOperator<HotspotEvent> sightings =
                inputs.alerts()
                        .process(new ToHotspotEvents.FromAlert(resolution))
                        .name("sighting events")
                        .uid("hotspots-sighting-events");
        SingleOutputStreamOperator<HotspotEvent> reads =
                inputs.reads()
                        .process(new ToHotspotEvents.FromRead(resolution))
                        .name("read events")
                        .uid("hotspots-read-events");

        HotspotPipeline.Outputs pipeline =
                HotspotPipeline.build(incidents.union(sightings, reads), config);

        DataStream<DeadLetter> deadLetters =
                incidents
                        .getSideOutput(ToHotspotEvents.DEAD_LETTERS)
                        .union(
                                sightings.getSideOutput(ToHotspotEvents.DEAD_LETTERS),
                                reads.getSideOutput(ToHotspotEvents.DEAD_LETTERS));
        return new Outputs(pipeline.cells(), deadLetters, pipeline.late(), pipeline);
    }

    /** Incidents: event time is when the incident happened. */
    public static WatermarkStrategy<Incident> incidentWatermarks(HotspotConfig config) {
        return WatermarkStrategy.<Incident>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((incident, ts) -> incident.getOccurredAt().toEpochMilli())
                .withIdleness(config.idleness());
    }

    /** Alerts: event time is the capture time of the read that matched. */
    public static WatermarkStrategy<Alert> alertWatermarks(HotspotConfig config) {
        return WatermarkStrategy.<Alert>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((alert, ts) -> alert.getCapturedAt().toEpochMilli())
                .withIdleness(config.idleness());
    }

    /** Reads: event time is the capture time. */
    public static WatermarkStrategy<PlateRead> readWatermarks(HotspotConfig config) {
        return WatermarkStrategy.<PlateRead>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((read, ts) -> read.getCapturedAt().toEpochMilli())
                .withIdleness(config.idleness());
    }
}
