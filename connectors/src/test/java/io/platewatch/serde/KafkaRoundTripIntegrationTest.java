package io.platewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every topic's value schema through the real broker and registry, with the Kafka serializer and
 * deserializer configured the way any Kafka client configures them: by class name and properties.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaRoundTripIntegrationTest {

    @ParameterizedTest
    @EnumSource(Topic.class)
    void sampleRecordOfEveryTopicSurvivesTheBroker(Topic topic) throws Exception {
        SpecificRecord sample = SampleRecords.of(topic);
        String key = "key-" + UUID.randomUUID();

        RecordMetadata written = produce(topic, key, sample);
        ConsumerRecord<String, SpecificRecord> read = consumeAt(topic, sample.getClass(), written);

        assertThat(read.key()).isEqualTo(key);
        assertThat(read.value()).isInstanceOf(sample.getClass()).isEqualTo(sample);
        assertThat(read.value().getSchema()).isEqualTo(topic.valueSchema());
    }

    @Test
    void fixedSubjectReplacesTheTopicName() throws Exception {
        String subject = "it-fixed-" + UUID.randomUUID();
        RegistryClient registry =
                new RegistryClient(RegistrySettings.of(LocalStackExtension.registryUrl()));

        produce(
                Topic.AUDIT_EVENTS,
                "k",
                SampleRecords.auditEvent(),
                Map.of(SerdeConfig.SUBJECT, subject));

        assertThat(registry.latest(subject).schema()).isEqualTo(Topic.AUDIT_EVENTS.valueSchema());
    }

    private static RecordMetadata produce(Topic topic, String key, SpecificRecord value)
            throws Exception {
        return produce(topic, key, value, Map.of());
    }

    private static RecordMetadata produce(
            Topic topic, String key, SpecificRecord value, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> config = new HashMap<>(extra);
        config.putAll(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        LocalStackExtension.kafkaBootstrapServers(),
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ConfluentAvroSerializer.class.getName(),
                        SerdeConfig.REGISTRY_URL,
                        LocalStackExtension.registryUrl(),
                        SerdeConfig.AUTO_REGISTER,
                        "true"));
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config)) {
            return producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
        }
    }

    private static ConsumerRecord<String, SpecificRecord> consumeAt(
            Topic topic, Class<?> type, RecordMetadata written) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        LocalStackExtension.kafkaBootstrapServers(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class.getName(),
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ConfluentAvroDeserializer.class.getName(),
                        SerdeConfig.REGISTRY_URL,
                        LocalStackExtension.registryUrl(),
                        SerdeConfig.VALUE_TYPE,
                        type.getName());
        TopicPartition partition = new TopicPartition(topic.topicName(), written.partition());
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config)) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).as("record at offset %d", written.offset()).isNotEmpty();
            return records.get(0);
        }
    }
}
