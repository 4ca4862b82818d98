package io.platewatch.alerting;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The alerting job: matches plate reads against flagged vehicles and raises alerts, historical
 * alerts and evidence links. It is built from injected streams and sinks, so {@code main} wires
 * Kafka and tests wire their own.
 *
 * <p>Pipeline, one small function per rule:
 *
 * <ol>
 *   <li>{@link ReadPreparation}: normalise plates; invalid ones to dead letters.
 *   <li>{@link MatchKeyFanOut}: one copy of the read per distinct match key of its main plate and
 *       alternative readings.
 *   <li>{@link IncidentFlags} + {@link FlagPreparation}: incidents become flags; flags are
 *       validated and compacted.
 *   <li>{@link FlagRouting} (keyed by flag id): tracks each flag's key, so updates that move a flag
 *       and removals reach the right key.
 *   <li>{@link FlagMatcher} (keyed by match key): plain flags against reads, live and historical,
 *       with read retention and flag expiry.
 *   <li>{@link WildcardMatcher} (broadcast): wildcard flags against every read.
 *   <li>{@link AlertDecision} (keyed by flag and site): cooldown, alert and evidence link.
 * </ol>
 *
 * <p>Delivery. Alerts go out at least once and at once: the alert sink flushes without waiting for
 * a checkpoint, so an operator sees a flagged vehicle within the time it takes to cross Kafka
 * twice. After a failure the job replays from its last checkpoint and may send some alerts again;
 * they carry the same deterministic id (see {@link AlertIds}), so consumers deduplicate by alertId
 * and stores upsert. Evidence links may be written exactly once through Kafka transactions: they
 * are not urgent, and they become visible to read_committed consumers when the checkpoint that
 * covers them completes.
 *
 * <p>Event time is the read's capture time. Sources must assign timestamps and watermarks with the
 * strategies below: bounded out-of-orderness plus idleness, so a quiet camera partition stops
 * holding event time back. A camera clock far in the future moves event time forward and with it
 * retention and expiry timers of the whole subtask; the job does not correct camera clocks.
 */
public final class AlertingJob {

    private final AlertingConfig config;
    private final Clock clock;

    public AlertingJob(AlertingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Input streams, each with timestamps and watermarks assigned (see the strategies below) and
     * typed with {@link SpecificRecordTypeInfo}, as the connectors' Kafka sources produce them.
     */
    public record Inputs(
            DataStream<PlateRead> reads,
            DataStream<VehicleFlag> flags,
            DataStream<Incident> incidents) {}

    /** Output streams, before any sink. */
    public record Outputs(
            DataStream<Alert> alerts,
            DataStream<EvidenceLink> evidenceLinks,
            DataStream<DeadLetter> deadLetters) {}

    /** Where the outputs go. */
    public record Sinks(
            Sink<Alert> alerts, Sink<EvidenceLink> evidenceLinks, Sink<DeadLetter> deadLetters) {}

    /** Builds the pipeline and attaches the sinks. */
    public void build(Inputs inputs, Sinks sinks) {
        attach(build(inputs), sinks);
    }

    /** Attaches sinks to the outputs; extra dead letters (e.g. from decoding) join the job's. */
    @SafeVarargs
    public static void attach(Outputs outputs, Sinks sinks, DataStream<DeadLetter>... extra) {
        outputs.alerts().sinkTo(sinks.alerts()).name("alerts-sink").uid("alerts-sink");
        outputs.evidenceLinks()
                .sinkTo(sinks.evidenceLinks())
                .name("evidence-links-sink")
                .uid("evidence-links-sink");
        outputs.deadLetters()
                .union(extra)
                .sinkTo(sinks.deadLetters())
                .name("dead-letters-sink")
                .uid("dead-letters-sink");
    }

    /** Builds the pipeline and returns its output streams. */
    public Outputs build(Inputs inputs) {
        SingleOutputStreamOperator<PreparedRead> reads =
                inputs.reads()
                        .process(new ReadPreparation(config, clock))
                        .name("read-preparation")
                        .uid("read-preparation");
        DataStream<KeyedRead> keyedReads =
                reads.flatMap(new MatchKeyFanOut(config.folding()))
                        .name("match-key-fan-out")
                        .uid("match-key-fan-out");

        SingleOutputStreamOperator<VehicleFlag> incidentFlags =
                inputs.incidents()
                        .process(
                                new IncidentFlags(config, clock),
                                SpecificRecordTypeInfo.forClass(VehicleFlag.class))
                        .name("incident-flags")
                        .uid("incident-flags");
        SingleOutputStreamOperator<FlagChange> flags =
                inputs.flags()
                        .union(incidentFlags)
                        .process(new FlagPreparation(config, clock))
                        .name("flag-preparation")
                        .uid("flag-preparation");
        DataStream<FlagChange> routed =
                flags.keyBy(change -> change.flagId)
                        .process(new FlagRouting(config.flagExpiryGrace()))
                        .name("flag-routing")
                        .uid("flag-routing");

        DataStream<Match> plainMatches =
                keyedReads
                        .keyBy(read -> read.matchKey)
                        .connect(
                                routed.filter(change -> !change.isWildcard())
                                        .name("plain-flags")
                                        .keyBy(change -> change.route))
                        .process(new FlagMatcher(config))
                        .name("flag-matcher")
                        .uid("flag-matcher");
        SingleOutputStreamOperator<Match> wildcardMatches =
                reads.connect(
                                routed.filter(FlagChange::isWildcard)
                                        .name("wildcard-flags")
                                        .broadcast(WildcardMatcher.WILDCARD_FLAGS))
                        .process(new WildcardMatcher(config, clock))
                        .name("wildcard-matcher")
                        .uid("wildcard-matcher");

        SingleOutputStreamOperator<Alert> alerts =
                plainMatches
                        .union(wildcardMatches)
                        .keyBy(Match::cooldownKey)
                        .process(
                                new AlertDecision(config.alertCooldown(), clock),
                                SpecificRecordTypeInfo.forClass(Alert.class))
                        .name("alert-decision")
                        .uid("alert-decision");

        DataStream<DeadLetter> deadLetters =
                reads.getSideOutput(AlertingDeadLetters.TAG)
                        .union(
                                incidentFlags.getSideOutput(AlertingDeadLetters.TAG),
                                flags.getSideOutput(AlertingDeadLetters.TAG),
                                wildcardMatches.getSideOutput(AlertingDeadLetters.TAG));
        return new Outputs(alerts, alerts.getSideOutput(AlertDecision.EVIDENCE), deadLetters);
    }

    /** Reads: event time is capturedAt. */
    public static WatermarkStrategy<PlateRead> readWatermarks(AlertingConfig config) {
        return WatermarkStrategy.<PlateRead>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((read, ts) -> read.getCapturedAt().toEpochMilli())
                .withIdleness(config.idleness());
    }

    /** Flags: event time is the lifecycle event's updatedAt. */
    public static WatermarkStrategy<VehicleFlag> flagWatermarks(AlertingConfig config) {
        return WatermarkStrategy.<VehicleFlag>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((flag, ts) -> flag.getUpdatedAt().toEpochMilli())
                .withIdleness(config.idleness());
    }

    /** Incidents: event time is reportedAt. */
    public static WatermarkStrategy<Incident> incidentWatermarks(AlertingConfig config) {
        return WatermarkStrategy.<Incident>forBoundedOutOfOrderness(config.outOfOrderness())
                .withTimestampAssigner((incident, ts) -> incident.getReportedAt().toEpochMilli())
                .withIdleness(config.idleness());
    }
}
