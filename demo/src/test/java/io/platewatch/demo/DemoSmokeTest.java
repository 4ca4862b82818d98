package io.platewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.registry.RegistryClient;
import io.platewatch.registry.RegistrySettings;
import io.platewatch.schemas.Alert;
import io.platewatch.schemas.Topic;
import io.platewatch.serde.ConfluentAvroDeserializer;
import io.platewatch.simulator.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's orchestration end to end on real servers, lean: Kafka and the registry only (so the
 * pipeline runs the alerting job alone), the real gateway and pipeline JVMs, simulated cameras for
 * 20 seconds. A consumer of the test's own reads the alert topic while the demo runs; after the
 * stop, every process the demo started must be gone and every port it used free.
 */
class DemoSmokeTest {

    private static final Duration TRAFFIC = Duration.ofSeconds(20);

    @TempDir Path stateDir;

    @Test
    void demoRaisesAlertsFromSimulatedCamerasAndLeavesNothingRunning() throws Exception {
        Recorder recorder = new Recorder();
        DemoRun run = new DemoRun(settings(), recorder);

        StopReport report = run.run();
        List<Alert> onTopic = recorder.stopReadingAlerts();

        assertThat(run.failure()).isEmpty();
        assertThat(report.reason()).contains("duration");
        assertThat(onTopic).as("alerts on %s", Topic.ALERTS.topicName()).isNotEmpty();
        assertThat(onTopic)
                .allSatisfy(
                        alert -> {
                            assertThat(alert.getSiteId()).startsWith("site-");
                            assertThat(alert.getFlagId()).startsWith("demo-flag-7-");
                            assertThat(alert.getEmittedAt())
                                    .isAfterOrEqualTo(alert.getIngestedAt());
                        });
        assertThat(recorder.alerts)
                .isNotEmpty()
                .allSatisfy(
                        view -> assertThat(view.maskedPlate()).matches("[A-Z0-9]{1,2}\\*\\*\\*"));
        assertThat(recorder.statuses).anySatisfy(s -> assertThat(s.readsIn()).isPositive());
        assertThat(report.traffic())
                .hasValueSatisfying(t -> assertThat(t.readsAccepted()).isPositive());

        assertThat(recorder.pids.keySet())
                .containsExactlyInAnyOrder("kafka", "registry", "gateway", "pipeline");
        assertThat(recorder.pids.values())
                .allSatisfy(
                        pid ->
                                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                                        .as("pid %d", pid)
                                        .isNotEqualTo(java.util.Optional.of(true)));
        assertThat(recorder.ports)
                .isNotEmpty()
                .allSatisfy(port -> assertThat(Ports.isFree(port)).as("port %d", port).isTrue());
        assertThat(report.clean()).isTrue();
        assertThat(report.stackStopped()).isTrue();
    }

    private DemoSettings settings() throws IOException {
        Properties stack = new Properties();
        stack.setProperty("kafka.port", "0");
        stack.setProperty("kafka.controller.port", "0");
        stack.setProperty("registry.port", "0");
        String classes = System.getProperty("platewatch.demo.classes");
        String classpath =
                Files.readString(Path.of(System.getProperty("platewatch.demo.classpath.file")))
                        .trim();
        return new DemoSettings(
                stateDir,
                stack,
                List.of(ServiceKind.KAFKA, ServiceKind.REGISTRY),
                Ports.freePort(),
                Ports.freePort(),
                TRAFFIC,
                200,
                7,
                14,
                5,
                WireFormat.PLATEWATCH,
                16,
                1,
                Duration.ofSeconds(5),
                false,
                classes + ":" + classpath,
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** Records what the run reports, and reads the alert topic with a consumer of its own. */
    private static final class Recorder implements DemoListener {
        final Map<String, Long> pids = new ConcurrentHashMap<>();
        final List<Integer> ports = new CopyOnWriteArrayList<>();
        final List<AlertView> alerts = new CopyOnWriteArrayList<>();
        final List<IntervalReport> statuses = new CopyOnWriteArrayList<>();
        private final List<Alert> onTopic = new CopyOnWriteArrayList<>();
        private final AtomicBoolean reading = new AtomicBoolean(true);
        private KafkaConsumer<byte[], byte[]> consumer;
        private Thread reader;

        @Override
        public void starting(String server, Map<String, Integer> serverPorts) {
            ports.addAll(serverPorts.values());
        }

        @Override
        public void started(String server, long pid) {
            pids.put(server, pid);
        }

        @Override
        public void childStarted(String name, long pid) {
            pids.put(name, pid);
        }

        @Override
        public void stackReady(Endpoints endpoints) {
            ConfluentAvroDeserializer<Alert> deserializer =
                    new ConfluentAvroDeserializer<>(
                            new RegistryClient(RegistrySettings.of(endpoints.registryUrl())),
                            Alert.class);
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.bootstrapServers());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumer =
                    new KafkaConsumer<>(
                            p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (int i = 0; i < Topic.ALERTS.partitions(); i++) {
                partitions.add(new TopicPartition(Topic.ALERTS.topicName(), i));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            reader =
                    new Thread(
                            () -> {
                                try {
                                    while (reading.get()) {
                                        for (ConsumerRecord<byte[], byte[]> record :
                                                consumer.poll(Duration.ofMillis(200))) {
                                            onTopic.add(
                                                    deserializer.deserialize(
                                                            record.topic(), record.value()));
                                        }
                                    }
                                } catch (WakeupException e) {
                                    // stopReadingAlerts
                                }
                            },
                            "test-alert-reader");
            reader.start();
        }

        @Override
        public void alert(AlertView alert) {
            alerts.add(alert);
        }

        @Override
        public void status(IntervalReport report) {
            statuses.add(report);
        }

        List<Alert> stopReadingAlerts() throws InterruptedException {
            if (consumer != null) {
                reading.set(false);
                consumer.wakeup();
                reader.join(10_000);
                consumer.close(Duration.ofSeconds(2));
            }
            return List.copyOf(onTopic);
        }
    }
}
