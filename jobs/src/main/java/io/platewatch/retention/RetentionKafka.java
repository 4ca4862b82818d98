package io.platewatch.retention;

import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.AuditEvent;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.EvidenceLink;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.ConfluentAvroSerializationSchema;
import io.platewatch.serde.DeadLetterRouter;
import io.platewatch.serde.Decoded;
import io.platewatch.serde.DecodingDeserializationSchema;
import java.util.Locale;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
 * Kafka wiring of the retention job, used by {@code main} only: one source per stored topic,
 * decoding the Confluent wire format with the connectors' serde (undecodable records become dead
 * letters, sent to the dead-letter topic), resuming from the group's committed offsets and starting
 * from the earliest offset without them, so nothing on a topic is skipped. Evidence links are read
 * with read_committed, since the alerting job may write them in transactions. The job needs no
 * event time, so the sources emit no watermarks.
 */
final class RetentionKafka {

    private final String bootstrapServers;
    private final String groupId;
    private final RegistrySettings registry;
    private final boolean autoRegister;

    RetentionKafka(
            String bootstrapServers, String registryUrl, String groupId, boolean autoRegister) {
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.registry = RegistrySettings.of(registryUrl);
        this.autoRegister = autoRegister;
    }

    /** The job's inputs, and the records that could not be decoded. */
    record KafkaInputs(RetentionJob.Inputs inputs, DataStream<DeadLetter> undecodable) {}

    KafkaInputs inputs(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<PlateRead> reads =
                source(env, Topic.PLATE_READS, PlateRead.class);
        SingleOutputStreamOperator<EvidenceLink> links =
                source(env, Topic.EVIDENCE_LINKS, EvidenceLink.class);
        SingleOutputStreamOperator<Alert> alerts = source(env, Topic.ALERTS, Alert.class);
        SingleOutputStreamOperator<VehicleFlag> flags =
                source(env, Topic.VEHICLE_FLAGS, VehicleFlag.class);
        SingleOutputStreamOperator<AuditEvent> audit =
                source(env, Topic.AUDIT_EVENTS, AuditEvent.class);
        DataStream<DeadLetter> undecodable =
                reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS)
                        .union(
                                links.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                alerts.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                flags.getSideOutput(DeadLetterRouter.DEAD_LETTERS),
                                audit.getSideOutput(DeadLetterRouter.DEAD_LETTERS));
        return new KafkaInputs(
                new RetentionJob.Inputs(reads, links, alerts, flags, audit), undecodable);
    }

    /** Dead letters at least once, keyless. Registers the schema first when allowed to. */
    KafkaSink<DeadLetter> deadLetterSink() {
        if (autoRegister) {
            new RegistryClient(registry)
                    .register(Topic.DEAD_LETTERS.valueSubject(), DeadLetter.getClassSchema());
        }
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<DeadLetter>builder()
                                .setTopic(Topic.DEAD_LETTERS.topicName())
                                .setValueSerializationSchema(
                                        ConfluentAvroSerializationSchema.forTopic(
                                                Topic.DEAD_LETTERS,
                                                DeadLetter.class,
                                                registry,
                                                autoRegister))
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    private <T extends SpecificRecord> SingleOutputStreamOperator<T> source(
            StreamExecutionEnvironment env, Topic topic, Class<T> type) {
        KafkaSource<Decoded<T>> source =
                KafkaSource.<Decoded<T>>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic.topicName())
                        .setGroupId(groupId)
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setProperty("isolation.level", "read_committed")
                        .setDeserializer(
                                new DecodingDeserializationSchema<>(
                                        registry, type, "retention/decode-" + topic.topicName()))
                        .build();
        String name = "retention-" + type.getSimpleName().toLowerCase(Locale.ROOT) + "-source";
        return DeadLetterRouter.route(
                env.fromSource(source, WatermarkStrategy.noWatermarks(), name).uid(name), type);
    }
}
