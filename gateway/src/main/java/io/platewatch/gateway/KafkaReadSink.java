package io.platewatch.gateway;

import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

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

    @Override
    public void close() {
        producer.close();
    }
}
