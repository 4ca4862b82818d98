package io.platewatch.alerting;

import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroDeserializer;
import io.platewatch.serde.ConfluentAvroSerializer;
import io.platewatch.serde.SerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka plumbing for the integration test: topics of its own (so tests sharing the broker cannot
 * interfere), a producer writing the Confluent wire format with the connectors' serializer, and
 * consumers reading it back.
 */
final class KafkaTestClient implements AutoCloseable {

    private final String bootstrap;
    private final String registryUrl;
    private final Admin admin;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaProducer<byte[], byte[]> rawProducer;

    KafkaTestClient(String bootstrap, String registryUrl) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ConfluentAvroSerializer.class.getName());
        p.put(SerdeConfig.REGISTRY_URL, registryUrl);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        this.producer = new KafkaProducer<>(p);
        Properties raw = new Properties();
        raw.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        raw.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        raw.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        this.rawProducer = new KafkaProducer<>(raw);
    }

    /** Creates a topic with the catalogue's partition count and waits for every leader. */
    void createTopic(String name, Topic like) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, like.partitions(), (short) 1)))
                .all()
                .get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                TopicDescription d =
                        admin.describeTopics(List.of(name))
                                .allTopicNames()
                                .get(10, TimeUnit.SECONDS)
                                .get(name);
                if (d.partitions().stream().allMatch(p -> p.leader() != null)) {
                    return;
                }
            } catch (ExecutionException e) {
                // The broker's metadata may not list a topic created a moment ago: ask again.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("topic " + name + " has partitions without a leader");
    }

    void send(String topic, String key, SpecificRecord value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    void sendAsync(String topic, String key, SpecificRecord value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    void sendRaw(String topic, byte[] value) throws Exception {
        rawProducer.send(new ProducerRecord<>(topic, null, value)).get(30, TimeUnit.SECONDS);
    }

    void flush() {
        producer.flush();
    }

    /**
     * True when the consumer group has committed, for every partition of the topic, the end offset.
     * The Flink Kafka source commits on checkpoint completion, so this means every record written
     * so far has passed every operator of the job.
     */
    boolean consumedToEnd(String groupId, String topic) throws Exception {
        TopicDescription d =
                admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        d.partitions()
                .forEach(
                        p ->
                                latest.put(
                                        new TopicPartition(topic, p.partition()),
                                        OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            long position = c == null ? 0 : c.offset();
            if (position < end.getValue().offset()) {
                return false;
            }
        }
        return true;
    }

    /** A consumer of one topic from its beginning, decoding values into {@code type}. */
    <T extends SpecificRecord> Reader<T> reader(String topic, Class<T> type, boolean committedOnly)
            throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ConfluentAvroDeserializer.class.getName());
        p.put(SerdeConfig.REGISTRY_URL, registryUrl);
        p.put(SerdeConfig.VALUE_TYPE, type.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                committedOnly ? "read_committed" : "read_uncommitted");
        KafkaConsumer<String, T> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic)
                .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return new Reader<>(consumer);
    }

    /**
     * Polls one consumer on its own thread from creation until closed, keeping every record with
     * the wall-clock time it arrived, so receive times measure the pipeline, not the test.
     */
    static final class Reader<T> implements AutoCloseable {
        private final List<T> records = new ArrayList<>();
        private final List<Long> receivedAt = new ArrayList<>();
        private final KafkaConsumer<String, T> consumer;
        private final Thread poller;
        private volatile boolean running = true;

        Reader(KafkaConsumer<String, T> consumer) {
            this.consumer = consumer;
            this.poller = new Thread(this::pollUntilClosed, "test-reader");
            poller.setDaemon(true);
            poller.start();
        }

        private void pollUntilClosed() {
            while (running) {
                for (ConsumerRecord<String, T> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    synchronized (this) {
                        records.add(r.value());
                        receivedAt.add(now);
                    }
                }
            }
            consumer.close();
        }

        /** Everything received so far, in arrival order. */
        synchronized List<T> records() {
            return new ArrayList<>(records);
        }

        /** Arrival times, index for index with {@link #records()}. */
        synchronized List<Long> receivedAt() {
            return new ArrayList<>(receivedAt);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join(10_000);
        }
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
        admin.close();
    }
}
