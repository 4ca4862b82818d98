package io.platewatch.alerting.demo;

import io.platewatch.alerting.AlertingConfig;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import io.platewatch.serde.ConfluentAvroSerializer;
import io.platewatch.serde.SerdeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line traffic generator for the demo: writes the flags and the incident of {@link
 * DemoTraffic} to Kafka, then reads at a target rate for a given time, in the Confluent wire format
 * through the registry. Topics, broker and registry come from the same settings as the alerting job
 * (alerting.properties, --config, -D overrides), so both always agree.
 */
@Command(
        name = "demo-traffic",
        mixinStandardHelpOptions = true,
        description = "Writes deterministic demo flags, an incident and plate reads to Kafka.")
public final class TrafficGenerator implements Callable<Integer> {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Settings file.")
    private Path configFile;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Override one setting.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Reads per second (${DEFAULT-VALUE}).")
    private int rate;

    @Option(
            names = "--duration",
            defaultValue = "60",
            description = "Seconds to send reads for (${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--vehicles", defaultValue = "5000", description = "Vehicle population.")
    private int vehicles;

    @Option(names = "--cameras", defaultValue = "20", description = "Cameras (2 per site).")
    private int cameras;

    @Option(names = "--flagged", defaultValue = "10", description = "Vehicles with a flag.")
    private int flagged;

    @Option(
            names = "--flagged-share",
            defaultValue = "0.02",
            description = "Share of reads showing a flagged vehicle (${DEFAULT-VALUE}).")
    private double flaggedShare;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrafficGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        AlertingConfig config = AlertingConfig.load(configFile, overrides);
        DemoTraffic traffic = new DemoTraffic(seed, vehicles, cameras, flagged, flaggedShare);
        AtomicLong failed = new AtomicLong();
        try (KafkaProducer<String, SpecificRecord> producer = producer(config)) {
            Instant now = Instant.now();
            for (VehicleFlag flag : traffic.flags(now)) {
                producer.send(new ProducerRecord<>(config.flagsTopic(), flag.getFlagId(), flag))
                        .get(30, TimeUnit.SECONDS);
            }
            Incident incident = traffic.incident(now);
            producer.send(
                            new ProducerRecord<>(
                                    config.incidentsTopic(), incident.getIncidentId(), incident))
                    .get(30, TimeUnit.SECONDS);

            long total = (long) rate * durationSeconds;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                PlateRead read = traffic.nextRead(Instant.now());
                producer.send(
                        new ProducerRecord<>(config.readsTopic(), read.getCameraId(), read),
                        (metadata, error) -> {
                            if (error != null) {
                                failed.incrementAndGet();
                            }
                        });
                pace(start, i + 1);
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            // The CLI's output layer: one summary line for the person running the demo.
            System.out.printf(
                    "demo-traffic: %d flags, 1 incident, %d reads in %.1f s (%.0f reads/s),"
                            + " %d failed sends%n",
                    traffic.flags(now).size(), total, seconds, total / seconds, failed.get());
        }
        return failed.get() == 0 ? 0 : 1;
    }

    private void pace(long start, long sent) throws InterruptedException {
        long due = start + sent * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static KafkaProducer<String, SpecificRecord> producer(AlertingConfig config) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ConfluentAvroSerializer.class.getName());
        p.put(SerdeConfig.REGISTRY_URL, config.registryUrl());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                Long.toString(Duration.ofSeconds(60).toMillis()));
        return new KafkaProducer<>(p);
    }
}
