package io.platewatch.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Topic;
import io.platewatch.simulator.CameraNetworkSimulator;
import io.platewatch.simulator.SimEvent;
import io.platewatch.simulator.SimulatedCameras;
import io.platewatch.simulator.SimulatedRead;
import io.platewatch.simulator.SimulationSettings;
import io.platewatch.simulator.WireFormat;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A gateway process killed without warning while cameras post to it loses no acknowledged read and
 * writes none twice. The cameras here never retry, so each read is sent once: a read answered 200
 * must be in Kafka exactly once, and a read whose request died with the process at most once.
 */
@ExtendWith(LocalStackExtension.class)
class GatewayCrashTest {
    private static final long SEED = 4242;
    private static final int READS = 2000;
    private static final int CAMERAS_IN_PARALLEL = 4;
    private static final int ACKS_BEFORE_KILL = 400;

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ackedAfterRestart = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile boolean restarted;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcknowledgedReadIsInKafkaExactlyOnceAfterAKill() throws Exception {
        CameraNetworkSimulator simulator =
                new CameraNetworkSimulator(
                        SimulationSettings.builder(
                                        SEED,
                                        Instant.now()
                                                .minus(Duration.ofDays(1))
                                                .truncatedTo(ChronoUnit.HOURS))
                                .period(Duration.ofHours(23))
                                .readsPerCameraPerHour(150)
                                .outagesPerCameraPerDay(0)
                                .build());
        List<SimulatedRead> reads = firstReads(simulator);
        Map<String, String> tokens = SimulatedCameras.tokensById(SEED, simulator.cameras());
        Path dir = Files.createDirectories(Path.of("target", "crash-test"));
        int port = freePort();
        Path config = dir.resolve("gateway.json");
        GatewayConfig.mapper()
                .writeValue(
                        config.toFile(),
                        SimulatedCameras.gatewayConfig(SEED, simulator.cameras(), port, 100_000));
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/v1/reads");

        Process first = startGateway(config, dir.resolve("gateway-1.log"), port);
        AtomicInteger next = new AtomicInteger();
        ExecutorService cameras = Executors.newFixedThreadPool(CAMERAS_IN_PARALLEL);
        for (int i = 0; i < CAMERAS_IN_PARALLEL; i++) {
            cameras.submit(() -> postUntilDone(reads, next, tokens, endpoint));
        }
        awaitAcks(ACKS_BEFORE_KILL);
        first.destroyForcibly().waitFor();
        int sentBeforeKill = next.get();
        Process second = startGateway(config, dir.resolve("gateway-2.log"), port);
        restarted = true;
        cameras.shutdown();
        assertThat(cameras.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);

        Map<String, Long> storedCopies =
                TopicReader.readAll(Topic.PLATE_READS.topicName(), PlateRead.class).stream()
                        .filter(r -> r.value().getReadId().startsWith("sim-" + SEED + "-"))
                        .peek(r -> assertThat(r.key()).isEqualTo(KafkaReadSink.key(r.value())))
                        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));

        assertThat(sentBeforeKill).isLessThan(READS);
        assertThat(ackedAfterRestart.get()).as("reads acknowledged after the restart").isPositive();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(storedCopies.keySet()).as("every acknowledged read").containsAll(acknowledged);
        assertThat(storedCopies.values()).as("copies of each stored read").containsOnly(1L);
        assertThat(storedCopies.size() - acknowledged.size())
                .as("stored but unanswered reads")
                .isBetween(0, unanswered.get());
        System.out.printf(
                "crash test: %d reads sent, %d acknowledged (%d after restart), %d unanswered,"
                        + " %d stored%n",
                READS,
                acknowledged.size(),
                ackedAfterRestart.get(),
                unanswered.get(),
                storedCopies.size());
    }

    private static List<SimulatedRead> firstReads(CameraNetworkSimulator simulator) {
        List<SimulatedRead> reads = new ArrayList<>();
        while (reads.size() < READS && simulator.hasNext()) {
            SimEvent event = simulator.next();
            if (event instanceof SimulatedRead read) {
                reads.add(read);
            }
        }
        assertThat(reads.size()).isEqualTo(READS);
        return reads;
    }

    /**
     * One camera's loop: post the next read once, record a 200's read ids, and on a dead connection
     * wait a little (a camera would) and move on without retrying.
     */
    private void postUntilDone(
            List<SimulatedRead> reads,
            AtomicInteger next,
            Map<String, String> tokens,
            URI endpoint) {
        Function<SimulatedRead, String> token = read -> tokens.get(read.camera().id());
        for (int i = next.getAndIncrement(); i < reads.size(); i = next.getAndIncrement()) {
            SimulatedRead read = reads.get(i);
            try {
                HttpResponse<String> response =
                        client.send(
                                HttpRequest.newBuilder(endpoint)
                                        .timeout(Duration.ofSeconds(30))
                                        .header("Authorization", "Bearer " + token.apply(read))
                                        .POST(
                                                HttpRequest.BodyPublishers.ofByteArray(
                                                        Samples.bytes(
                                                                WireFormat.PLATEWATCH.encode(
                                                                        read))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    boolean afterRestart = restarted;
                    JsonNode body = Samples.MAPPER.readTree(response.body());
                    body.get("readIds")
                            .forEach(
                                    id -> acknowledged.add(read.camera().id() + "|" + id.asText()));
                    if (afterRestart) {
                        ackedAfterRestart.incrementAndGet();
                    }
                } else {
                    unanswered.incrementAndGet();
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
                sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitAcks(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("acks before the kill").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private Process startGateway(Path config, Path log, int port) throws Exception {
        String classpath =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        Process process =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                classpath,
                                GatewayMain.class.getName(),
                                "--config",
                                config.toString(),
                                "--bootstrap-servers",
                                LocalStackExtension.kafkaBootstrapServers(),
                                "--registry-url",
                                LocalStackExtension.registryUrl(),
                                "--port",
                                Integer.toString(port))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        awaitHealthy(process, port, log);
        return process;
    }

    private void awaitHealthy(Process process, int port, Path log) throws Exception {
        HttpRequest health =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("gateway process, see " + log).isTrue();
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(100);
        }
        throw new AssertionError("gateway not healthy in 60 s, see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
