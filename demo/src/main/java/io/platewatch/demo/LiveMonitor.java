package io.platewatch.demo;

import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.DeadLetter;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the platform from outside, as an operator's screen would: one consumer on the read, alert
 * and dead-letter topics, from their ends at the time the monitor starts. Alerts are decoded with
 * the connectors' serde and handed on one by one; reads and dead letters are only counted. Every
 * status interval it reports rates and the read-to-alert latency of the interval's alerts.
 *
 * <p>The consumer joins no group: it is assigned every partition and commits nothing, so it never
 * disturbs the jobs' own consumers.
 */
final class LiveMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMonitor.class);

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ConfluentAvroDeserializer<Alert> alerts;
    private final ConfluentAvroDeserializer<DeadLetter> deadLetters;
    private final DemoListener listener;
    private final Duration statusInterval;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Instant openedAt = Instant.now();
    private volatile long totalAlerts;
    private long undecodable;

    private LiveMonitor(
            KafkaConsumer<byte[], byte[]> consumer,
            ConfluentAvroDeserializer<Alert> alerts,
            ConfluentAvroDeserializer<DeadLetter> deadLetters,
            DemoListener listener,
            Duration statusInterval) {
        this.consumer = consumer;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
        this.listener = listener;
        this.statusInterval = statusInterval;
        this.thread = new Thread(this::pollUntilClosed, "demo-live-monitor");
        thread.setDaemon(true);
    }

    /**
     * Positions the consumer at the current ends of the topics, so the run shows what happens from
     * now on; nothing is polled before {@link #startPolling}.
     */
    static LiveMonitor open(Endpoints endpoints, DemoListener listener, Duration statusInterval) {
        KafkaConsumer<byte[], byte[]> consumer = consumer(endpoints.bootstrapServers());
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic topic : List.of(Topic.PLATE_READS, Topic.ALERTS, Topic.DEAD_LETTERS)) {
                for (int p = 0; p < topic.partitions(); p++) {
                    partitions.add(new TopicPartition(topic.topicName(), p));
                }
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // The seek is lazy; asking for positions fixes them now, before any job writes.
            partitions.forEach(consumer::position);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        RegistryClient registry = new RegistryClient(RegistrySettings.of(endpoints.registryUrl()));
        return new LiveMonitor(
                consumer,
                new ConfluentAvroDeserializer<>(registry, Alert.class),
                new ConfluentAvroDeserializer<>(registry, DeadLetter.class),
                listener,
                statusInterval);
    }

    /** Starts polling in the background; the first status comes one interval later. */
    void startPolling() {
        thread.start();
    }

    /** Alerts seen so far. */
    long totalAlerts() {
        return totalAlerts;
    }

    private void pollUntilClosed() {
        IntervalStats stats = new IntervalStats(System.nanoTime());
        long nextReport = System.nanoTime() + statusInterval.toNanos();
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                stats.readsIn(count(records, Topic.PLATE_READS));
                for (ConsumerRecord<byte[], byte[]> record :
                        records.records(Topic.DEAD_LETTERS.topicName())) {
                    deadLetter(record, stats);
                }
                for (ConsumerRecord<byte[], byte[]> record :
                        records.records(Topic.ALERTS.topicName())) {
                    alert(record, stats);
                }
                totalAlerts = stats.totalAlerts();
                long now = System.nanoTime();
                if (now >= nextReport) {
                    listener.status(stats.report(now));
                    nextReport = now + statusInterval.toNanos();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up: stop polling.
        } catch (RuntimeException e) {
            LOG.warn("Live monitor stopped: {}", e.toString());
            listener.warning("the live alert view stopped: " + e.getClass().getSimpleName());
        }
    }

    private void alert(ConsumerRecord<byte[], byte[]> record, IntervalStats stats) {
        Alert alert;
        try {
            alert = alerts.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            // The reason names the error kind only, never the payload.
            if (undecodable++ == 0) {
                listener.warning(
                        "an alert could not be decoded (partition "
                                + record.partition()
                                + ", offset "
                                + record.offset()
                                + "): "
                                + e.getMessage());
            }
            return;
        }
        if (alert == null) {
            return;
        }
        AlertView view = AlertView.of(alert, openedAt);
        stats.alert(
                view.measuresLatency()
                        ? OptionalLong.of(view.latencyMillis())
                        : OptionalLong.empty());
        listener.alert(view);
    }

    /** Counts a dead letter and shows why it was rejected (reasons never carry personal data). */
    private void deadLetter(ConsumerRecord<byte[], byte[]> record, IntervalStats stats) {
        stats.deadLetters(1);
        try {
            DeadLetter letter = deadLetters.deserialize(record.topic(), record.value());
            if (letter != null) {
                listener.deadLetter(
                        letter.getErrorKind().name(), letter.getStage(), letter.getReason());
            }
        } catch (RuntimeException e) {
            listener.deadLetter("UNDECODABLE", "demo/live-view", "the dead letter itself");
        }
    }

    private static long count(ConsumerRecords<byte[], byte[]> records, Topic topic) {
        long count = 0;
        for (ConsumerRecord<byte[], byte[]> ignored : records.records(topic.topicName())) {
            count++;
        }
        return count;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "platewatch-demo-monitor");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Stops polling and closes the consumer; the last partial interval is not reported. */
    @Override
    public void close() {
        running.set(false);
        if (thread.isAlive()) {
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }
}
