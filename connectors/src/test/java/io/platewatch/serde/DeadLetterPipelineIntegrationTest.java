package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.PlateRead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real Flink job on a MiniCluster reads a real Kafka topic holding good and bad values: good
 * reads (one written with an older schema) come out on the main output, every bad value comes out
 * once as a dead letter with its kind, reason, position and original bytes, and the job finishes.
 */
@ExtendWith(LocalStackExtension.class)
class DeadLetterPipelineIntegrationTest {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "it-" + run + "-reads";
    private final String readsOut = "it-" + run + "-reads-out";
    private final String deadOut = "it-" + run + "-dead-letters";
    private final RegistrySettings registry =
            RegistrySettings.of(LocalStackExtension.registryUrl());

    @Test
    void goodRecordsFlowOnAndBadOnesBecomeDeadLetters() throws Exception {
        createTopics(input, readsOut, deadOut);
        Map<String, byte[]> values = inputValues();
        Map<String, Long> offsets = produce(values);
        Instant started = Instant.now();

        runJob();

        List<PlateRead> reads = consume(readsOut, PlateRead.class, 3);
        assertThat(reads)
                .extracting(PlateRead::getReadId)
                .containsExactly("read-1", "read-old-schema", "read-3");
        assertThat(reads.get(1).getImageUri()).isNull();
        assertThat(reads.get(1).getPlate()).isEqualTo(SampleRecords.plateRead().getPlate());

        Map<Long, DeadLetter> dead =
                consume(deadOut, DeadLetter.class, 5).stream()
                        .collect(
                                Collectors.toMap(DeadLetter::getSourceOffset, Function.identity()));
        assertThat(dead).hasSize(5);
        assertDeadLetter(
                dead.get(offsets.get("garbage")),
                values.get("garbage"),
                ErrorKind.NOT_WIRE_FORMAT,
                "first byte is 0x70");
        assertDeadLetter(
                dead.get(offsets.get("short")),
                values.get("short"),
                ErrorKind.NOT_WIRE_FORMAT,
                "too short");
        assertDeadLetter(
                dead.get(offsets.get("unknown-id")),
                values.get("unknown-id"),
                ErrorKind.UNKNOWN_SCHEMA,
                "schema id 2000000000 is not in the registry");
        assertDeadLetter(
                dead.get(offsets.get("truncated")),
                values.get("truncated"),
                ErrorKind.UNDECODABLE,
                "body ends early");
        assertDeadLetter(
                dead.get(offsets.get("trailing")),
                values.get("trailing"),
                ErrorKind.UNDECODABLE,
                "2 bytes left after the record");
        assertThat(dead.values())
                .allSatisfy(
                        letter -> {
                            assertThat(letter.getSourceTopic()).isEqualTo(input);
                            assertThat(letter.getStage()).isEqualTo("it/decode");
                            assertThat(letter.getFailedAt())
                                    .isAfterOrEqualTo(started.minusSeconds(1));
                        });
    }

    private void runJob() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        KafkaSource<Decoded<PlateRead>> source =
                KafkaSource.<Decoded<PlateRead>>builder()
                        .setBootstrapServers(LocalStackExtension.kafkaBootstrapServers())
                        .setTopics(input)
                        .setGroupId("it-" + run)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(
                                new DecodingDeserializationSchema<>(
                                        registry, PlateRead.class, "it/decode"))
                        .build();

        SingleOutputStreamOperator<PlateRead> reads =
                DeadLetterRouter.route(
                        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Plate reads"),
                        PlateRead.class);
        DataStream<DeadLetter> deadLetters = reads.getSideOutput(DeadLetterRouter.DEAD_LETTERS);

        reads.sinkTo(sink(readsOut, PlateRead.class));
        deadLetters.sinkTo(sink(deadOut, DeadLetter.class));
        env.execute("dead-letter routing test");
    }

    private <T extends SpecificRecord> KafkaSink<T> sink(String topic, Class<T> type) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(LocalStackExtension.kafkaBootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<T>builder()
                                .setTopic(topic)
                                .setValueSerializationSchema(
                                        new ConfluentAvroSerializationSchema<>(
                                                registry, topic + "-value", type, true))
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** Good and bad values in the order they are produced, by name. */
    private Map<String, byte[]> inputValues() throws Exception {
        RegistryClient client = new RegistryClient(registry);
        AvroRecordEncoder<PlateRead> encoder =
                new AvroRecordEncoder<>(
                        new RegistrySchemaResolver(client, true),
                        input + "-value",
                        PlateRead.class);
        byte[] good = encoder.encode(read("read-1"));

        Schema older =
                AvroBytes.editFields(
                        PlateRead.getClassSchema(),
                        AvroBytes.removing(Set.of("imageUri", "vehicle")));
        int olderId = client.register("it-" + run + "-older-reads-value", older);
        byte[] olderValue =
                AvroBytes.framed(
                        olderId,
                        AvroBytes.genericBody(AvroBytes.asSchema(read("read-old-schema"), older)));

        byte[] unknownId = good.clone();
        WireFormat.writeHeader(unknownId, 2_000_000_000);

        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("good-1", good);
        values.put("garbage", "plate ABC123 at gate 4".getBytes(StandardCharsets.UTF_8));
        values.put("short", new byte[] {0, 0, 1});
        values.put("older", olderValue);
        values.put("unknown-id", unknownId);
        values.put("truncated", AvroBytes.withoutLast(good, 7));
        values.put("trailing", Arrays.copyOf(good, good.length + 2));
        values.put("good-3", encoder.encode(read("read-3")));
        return values;
    }

    private static PlateRead read(String readId) {
        PlateRead read = SampleRecords.plateRead();
        read.setReadId(readId);
        return read;
    }

    private static void assertDeadLetter(
            DeadLetter letter, byte[] value, ErrorKind kind, String reason) {
        assertThat(letter).isNotNull();
        assertThat(letter.getErrorKind()).isEqualTo(kind);
        assertThat(letter.getReason()).contains(reason);
        assertThat(letter.getPayload()).isEqualTo(ByteBuffer.wrap(value));
    }

    private static void createTopics(String... names) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalStackExtension.kafkaBootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private Map<String, Long> produce(Map<String, byte[]> values) throws Exception {
        Map<String, Long> offsets = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                LocalStackExtension.kafkaBootstrapServers(),
                                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                                ByteArraySerializer.class.getName(),
                                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                                ByteArraySerializer.class.getName()))) {
            for (Map.Entry<String, byte[]> value : values.entrySet()) {
                byte[] key = value.getKey().getBytes(StandardCharsets.UTF_8);
                long offset =
                        producer.send(new ProducerRecord<>(input, key, value.getValue()))
                                .get()
                                .offset();
                offsets.put(value.getKey(), offset);
            }
        }
        return offsets;
    }

    private <T extends SpecificRecord> List<T> consume(String topic, Class<T> type, int expected) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        LocalStackExtension.kafkaBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-check-" + run + "-" + topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class.getName());
        List<T> records = new ArrayList<>();
        try (KafkaConsumer<byte[], T> consumer =
                new KafkaConsumer<>(
                        config,
                        new ByteArrayDeserializer(),
                        new ConfluentAvroDeserializer<>(new RegistryClient(registry), type))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500))
                        .forEach(record -> records.add(record.value()));
            }
            // One more poll: a duplicate or stray record would show here.
            consumer.poll(Duration.ofMillis(500)).forEach(record -> records.add(record.value()));
        }
        assertThat(records).hasSize(expected);
        return records;
    }
}
