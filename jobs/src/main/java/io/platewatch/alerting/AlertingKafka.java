package io.platewatch.alerting;

import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.ConfluentAvroSerializationSchema;
import io.platewatch.serde.DeadLetterRouter;
import io.platewatch.serde.Decoded;
import io.platewatch.serde.DecodingDeserializationSchema;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Kafka wiring of the alerting job, used by {@code main} only: sources that decode the Confluent
 * wire format with the connectors' serde (undecodable records become dead letters instead of
 * failing the job), and sinks with the delivery guarantees described on {@link AlertingJob}.
 *
 * <p>Watermarks are generated inside the Kafka source, so they are per partition: a partition that
 * stays silent for the idleness timeout stops holding event time back.
 *
 * <p>Start positions: flags and incidents are read from the earliest offset whenever the job starts
 * without a checkpoint, since the flag topic is the hotlist and a job without state must rebuild
 * it; reads resume from the group's committed offsets, or start where {@code kafka.reads-start}
 * says. A job restored from a checkpoint always resumes from the checkpointed offsets.
 */
public final class AlertingKafka {

    /** Event time of a decoded record; Kafka's record timestamp is used for dead letters. */
    interface EventTime<T> extends Serializable {
        long of(T record);
    }

    private final AlertingConfig config;
    private final RegistrySettings registry;

    public AlertingKafka(AlertingConfig config) {
        this.config = config;
        this.registry = RegistrySettings.of(config.registryUrl());
    }

    /** The job's inputs, and the records that could not be decoded. */
    public record KafkaInputs(AlertingJob.Inputs inputs, DataStream<DeadLetter> undecodable) {}

    public KafkaInputs inputs(StreamExecutionEnvironment env) {
        OffsetsInitializer readsStart =
                OffsetsInitializer.committedOffsets(
                        config.readsFromEarliest()
                                ? OffsetResetStrategy.EARLIEST
                                : OffsetResetStrategy.LATEST);
        SingleOutputStreamOperator<PlateRead> reads =
                source(
                        env,
                        config.readsTopic(),
                        PlateRead.class,
                        readsStart,
                        read -> read.getCapturedAt().toEpochMilli());
        SingleOutputStreamOperator<VehicleFlag> flags =
                source(
                        env,
                        config.flagsTopic(),
                        VehicleFlag.class,
                        OffsetsInitializer.earliest(),
                        flag -> flag.getUpdatedAt().toEpochMilli());
        SingleOutputStreamOperator<Incident> incidents =
                source(
                        env,
                        config.incidentsTopic(),
                        Incident.class,
                        OffsetsInitializer.earliest(),
                        incident -> incident.getReportedAt().toEpochMilli());
        DataStream<DeadLetter> undecodable =
                reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                        .union(
                                flags.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                incidents.getSideOutput(DeadLetterRouter.DEAD_LETTERS));
        return new KafkaInputs(new AlertingJob.Inputs(reads, flags, incidents), undecodable);
    }

    /**
     * Registers the value schemas of the three output topics, once, from the client before the job
     * starts, when auto-registration is on. Left to the parallel sink writers, the first
     * registration of a subject races between them, and the registry answers the loser with a
     * conflict that fails its task. Registering an already registered schema is a no-op.
     */
    public void registerOutputSchemas() {
        if (!config.registryAutoRegister()) {
            return;
        }
        RegistryClient client = new RegistryClient(registry);
        client.register(config.alertsTopic() + "-value", Alert.getClassSchema());
        client.register(config.evidenceLinksTopic() + "-value", EvidenceLink.getClassSchema());
        client.register(config.deadLettersTopic() + "-value", DeadLetter.getClassSchema());
    }

    /** Alerts at least once, dead letters at least once, evidence exactly once if configured. */
    public AlertingJob.Sinks sinks() {
        KafkaSink<Alert> alerts =
                sink(
                        config.alertsTopic(),
                        Alert.class,
                        alert -> alert.getAlertId().getBytes(StandardCharsets.UTF_8),
                        DeliveryGuarantee.AT_LEAST_ONCE);
        KafkaSink<EvidenceLink> evidence =
                sink(
                        config.evidenceLinksTopic(),
                        EvidenceLink.class,
                        link -> link.getLinkId().getBytes(StandardCharsets.UTF_8),
                        config.evidenceExactlyOnce()
                                ? DeliveryGuarantee.EXACTLY_ONCE
                                : DeliveryGuarantee.AT_LEAST_ONCE);
        KafkaSink<DeadLetter> deadLetters =
                sink(
                        config.deadLettersTopic(),
                        DeadLetter.class,
                        letter -> null,
                        DeliveryGuarantee.AT_LEAST_ONCE);
        return new AlertingJob.Sinks(alerts, evidence, deadLetters);
    }

    private <T extends SpecificRecord> SingleOutputStreamOperator<T> source(
            StreamExecutionEnvironment env,
            String topic,
            Class<T> type,
            OffsetsInitializer start,
            EventTime<T> eventTime) {
        KafkaSource<Decoded<T>> source =
                KafkaSource.<Decoded<T>>builder()
                        .setBootstrapServers(config.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId(config.groupId())
                        .setStartingOffsets(start)
                        .setDeserializer(
                                new DecodingDeserializationSchema<>(
                                        registry, type, "alerting/decode-" + topic))
                        .build();
        String name = type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-source";
        return DeadLetterRouter.route(
                env.fromSource(source, watermarks(eventTime), name).uid(name), type);
    }

    private <T extends SpecificRecord> WatermarkStrategy<Decoded<T>> watermarks(
            EventTime<T> eventTime) {
        Duration outOfOrderness = config.outOfOrderness();
        return WatermarkStrategy.<Decoded<T>>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(
                        (decoded, kafkaTimestamp) ->
                                decoded.isRecord()
                                        ? eventTime.of(decoded.record())
                                        : kafkaTimestamp)
                .withIdleness(config.idleness());
    }

    private <T extends SpecificRecord> KafkaSink<T> sink(
            String topic, Class<T> type, SerializationSchema<T> key, DeliveryGuarantee guarantee) {
        var builder =
                KafkaSink.<T>builder()
                        .setBootstrapServers(config.bootstrapServers())
                        .setRecordSerializer(
                                KafkaRecordSerializationSchema.<T>builder()
                                        .setTopic(topic)
                                        .setKeySerializationSchema(key)
                                        .setValueSerializationSchema(
                                                new ConfluentAvroSerializationSchema<>(
                                                        registry,
                                                        topic + "-value",
                                                        type,
                                                        config.registryAutoRegister()))
                                        .build())
                        .setDeliveryGuarantee(guarantee)
                        // Send at once: the producer's batching delay is latency for alerts.
                        .setProperty("linger.ms", "0");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + topic)
                    // Below the 15-minute ceiling of a broker with default settings.
                    .setProperty(
                            "transaction.timeout.ms",
                            Long.toString(Duration.ofMinutes(10).toMillis()));
        }
        return builder.build();
    }
}
