package io.platewatch.hotlist;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.Topic;
import io.platewatch.schemas.VehicleFlag;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The flag topic as the importer sees it: a source of the flags that exist (read once, start to
 * end, from the compacted topic) and a sink for new flag events keyed by flag id.
 */
public final class KafkaFlags implements ExistingFlags, FlagSink, AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);

    private final Producer<String, VehicleFlag> producer;
    private final Consumer<String, VehicleFlag> consumer;
    private final String topic;

    public KafkaFlags(
            Producer<String, VehicleFlag> producer, Consumer<String, VehicleFlag> consumer) {
        this.producer = producer;
        this.consumer = consumer;
        this.topic = Topic.VEHICLE_FLAGS.topicName();
    }

    /** Reads the whole topic up to its current end; the latest event per flag decides. */
    @Override
    public Set<String> liveFlagIds() {
        List<TopicPartition> partitions =
                consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, FlagAction> latest = new HashMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, VehicleFlag> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    latest.put(record.value().getFlagId(), record.value().getAction());
                } else {
                    latest.remove(record.key());
                }
            }
        }
        return latest.entrySet().stream()
                .filter(e -> e.getValue() != FlagAction.REMOVE)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public CompletableFuture<Void> send(VehicleFlag flag) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        try {
            producer.send(
                    new ProducerRecord<>(topic, flag.getFlagId(), flag),
                    (metadata, error) -> {
                        if (error == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
