package io.platewatch.gateway;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroSerializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes reads to {@link Topic#PLATE_READS}, keyed {@code cameraId|readId} so every read of a
 * camera stays in one partition, in order. The producer is idempotent with acks from all in-sync
 * replicas, so a retry inside the producer never writes a read twice and an acknowledged read is on
 * every replica.
 *
 * <p>A camera that re-sends a read it got no answer for can still cause a second copy with the same
 * key; consumers treat (cameraId, readId) as the identity of a read.
 */
public final class KafkaReadSink implements ReadSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaReadSink.class);

    private final Producer<String, PlateRead> producer;
    private final String topic;

    public KafkaReadSink(Producer<String, PlateRead> producer) {
        this(producer, Topic.PLATE_READS.topicName());
    }

    public KafkaReadSink(Producer<String, PlateRead> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /**
     * Producer settings for the gateway: idempotent, acks=all, and time limits short enough that a
     * camera gets an answer (503) while it still holds the read.
     */
    public static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Requests from concurrent cameras share batches; 2 ms costs little latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "platewatch-gateway");
        return config;
    }

    /** The Kafka key of a read. */
    public static String key(PlateRead read) {
        return read.getCameraId() + "|" + read.getReadId();
    }

    @Override
    public CompletableFuture<Void> publish(List<PlateRead> reads) {
        CompletableFuture<?>[] acks = new CompletableFuture<?>[reads.size()];
        for (int i = 0; i < reads.size(); i++) {
            acks[i] = send(reads.get(i));
        }
        return CompletableFuture.allOf(acks);
    }

    private CompletableFuture<Void> send(PlateRead read) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer.send(
                    new ProducerRecord<>(topic, key(read), read),
                    (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            // send() throws for a full buffer past max.block.ms or a serialisation failure.
            ack.completeExceptionally(e);
        }
        return ack;
    }

    /**
     * A serializer for the read topic, configured from a producer configuration holding the
     * registry settings, whose schema is already registered (or looked up). Doing it once here,
     * with retries while the registry starts, keeps the first camera requests from racing each
     * other to register the same schema, and stops a gateway that cannot reach the registry before
     * it accepts any read.
     */
    public static ConfluentAvroSerializer<PlateRead> readSerializer(Map<String, Object> config) {
        ConfluentAvroSerializer<PlateRead> serializer = new ConfluentAvroSerializer<>();
        serializer.configure(config, false);
        PlateRead probe =
                PlateRead.newBuilder()
                        .setReadId("schema-probe")
                        .setCameraId("gateway")
                        .setSiteId("gateway")
                        .setOrganisationId("gateway")
                        .setCapturedAt(Instant.EPOCH)
                        .setReceivedAt(Instant.EPOCH)
                        .setPlate("PROBE")
                        .setConfidence(0f)
                        .setPosition(new GeoPoint(0.0, 0.0))
                        .build();
        Failsafe.with(
                        RetryPolicy.builder()
                                .withBackoff(Duration.ofMillis(500), Duration.ofSeconds(10))
                                .withMaxDuration(Duration.ofMinutes(2))
                                .withMaxRetries(-1)
                                .onRetry(
                                        e ->
                                                LOG.warn(
                                                        "Schema registry not ready, attempt {}",
                                                        e.getAttemptCount()))
                                .build())
                .run(() -> serializer.serialize(Topic.PLATE_READS.topicName(), probe));
        return serializer;
    }

    @Override
    public void close() {
        producer.close();
    }
}
