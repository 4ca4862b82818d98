package io.platewatch.simulator;

import io.platewatch.gateway.KafkaReadSink;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroSerializer;
import io.platewatch.serde.SerdeConfig;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces simulated reads straight to the read topic, as the gateway would have published them,
 * and incidents to the incident topic. Reads take the producing time as their receipt time.
 */
public final class KafkaTarget implements SimulationTarget {
    private final Producer<String, PlateRead> reads;
    private final Producer<String, Incident> incidents;
    private final Clock clock;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final AtomicLong readsSent = new AtomicLong();
    private final AtomicLong readsAcked = new AtomicLong();
    private final AtomicLong incidentsSent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public KafkaTarget(
            Producer<String, PlateRead> reads, Producer<String, Incident> incidents, Clock clock) {
        this.reads = reads;
        this.incidents = incidents;
        this.clock = clock;
    }

    /** Idempotent Avro producers for both topics. */
    public static KafkaTarget connect(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = KafkaReadSink.producerConfig(bootstrapServers);
        config.put(SerdeConfig.REGISTRY_URL, registryUrl);
        config.put("client.id", "platewatch-simulator");
        ConfluentAvroSerializer<PlateRead> readSerializer = KafkaReadSink.readSerializer(config);
        ConfluentAvroSerializer<Incident> incidentSerializer = new ConfluentAvroSerializer<>();
        incidentSerializer.configure(config, false);
        Map<String, Object> incidentConfig = new HashMap<>(config);
        incidentConfig.put("client.id", "platewatch-simulator-incidents");
        return new KafkaTarget(
                new KafkaProducer<>(config, new StringSerializer(), readSerializer),
                new KafkaProducer<>(incidentConfig, new StringSerializer(), incidentSerializer),
                Clock.systemUTC());
    }

    @Override
    public void read(SimulatedRead read) {
        PlateRead value = read.toPlateRead(clock.instant());
        long started = System.nanoTime();
        readsSent.incrementAndGet();
        reads.send(
                new ProducerRecord<>(
                        Topic.PLATE_READS.topicName(), KafkaReadSink.key(value), value),
                (metadata, error) -> {
                    if (error == null) {
                        readsAcked.incrementAndGet();
                        latency.record(System.nanoTime() - started);
                    } else {
                        failures.incrementAndGet();
                    }
                });
    }

    @Override
    public void incident(SimulatedIncident incident) {
        Incident value = incident.incident();
        incidents.send(
                new ProducerRecord<>(Topic.INCIDENTS.topicName(), value.getIncidentId(), value),
                (metadata, error) -> {
                    if (error == null) {
                        incidentsSent.incrementAndGet();
                    } else {
                        failures.incrementAndGet();
                    }
                });
    }

    @Override
    public TargetReport finish() {
        reads.flush();
        incidents.flush();
        Map<String, Long> outcomes = new TreeMap<>();
        outcomes.put("acked", readsAcked.get() + incidentsSent.get());
        outcomes.put("failed", failures.get());
        return new TargetReport(
                readsSent.get(),
                readsAcked.get(),
                outcomes,
                incidentsSent.get(),
                0,
                latency.millisAt(0.5),
                latency.millisAt(0.99),
                latency.millisAt(1.0));
    }

    @Override
    public void close() {
        reads.close();
        incidents.close();
    }
}
