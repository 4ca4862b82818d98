package io.platewatch.gateway;

import io.platewatch.infra.testing.LocalStackExtension;
import io.platewatch.serde.SerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A gateway in the test JVM, storing to the local stack's Kafka, with its clock fixed at the time
 * the sample messages were captured. The sample camera's token is {@link #TOKEN}.
 */
public final class InProcessGateway implements AutoCloseable {
    public static final String TOKEN = "test-token-albany-1";

    private final KafkaReadSink sink;
    private final GatewayServer server;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private InProcessGateway(GatewayConfig config, Map<String, Object> producerOverrides) {
        Map<String, Object> producer =
                KafkaReadSink.producerConfig(LocalStackExtension.kafkaBootstrapServers());
        producer.put(SerdeConfig.REGISTRY_URL, LocalStackExtension.registryUrl());
        producer.putAll(producerOverrides);
        this.sink =
                new KafkaReadSink(
                        new KafkaProducer<>(
                                producer,
                                new StringSerializer(),
                                KafkaReadSink.readSerializer(producer)));
        Clock clock = Clock.fixed(Samples.NOW, ZoneOffset.UTC);
        this.server =
                new GatewayServer(
                                config,
                                CameraDirectory.of(config.cameras()),
                                new IngestService(
                                        new ReadRules(
                                                clock, config.maxFutureSkew(), config.maxPastAge()),
                                        sink,
                                        clock),
                                new CameraRateLimiter(
                                        config.ratePerCameraPerSecond(), config.burstPerCamera()),
                                new GatewayMetrics())
                        .start();
    }

    /** A gateway for the sample camera with the given rate limit and body limit. */
    public static InProcessGateway start(long ratePerSecond, long maxBodyBytes) {
        return start(ratePerSecond, maxBodyBytes, Map.of());
    }

    /** As {@link #start(long, long)}, with producer settings overridden. */
    public static InProcessGateway start(
            long ratePerSecond, long maxBodyBytes, Map<String, Object> producerOverrides) {
        GatewayConfig config =
                new GatewayConfig(
                        "127.0.0.1",
                        0,
                        maxBodyBytes,
                        ratePerSecond,
                        ratePerSecond,
                        Duration.ofMinutes(5),
                        Duration.ofDays(30),
                        List.of(
                                sampleCamera(TOKEN, "cam-albany-1"),
                                sampleCamera("test-token-other", "cam-other")));
        return new InProcessGateway(config, producerOverrides);
    }

    private static GatewayConfig.CameraEntry sampleCamera(String token, String id) {
        Camera camera = Samples.CAMERA;
        return new GatewayConfig.CameraEntry(
                id,
                CameraDirectory.sha256Hex(token),
                camera.siteId(),
                camera.organisationId(),
                camera.position().getLat(),
                camera.position().getLon(),
                id.equals("cam-albany-1") ? camera.vendorIds() : Set.of(),
                camera.defaultRegion(),
                camera.imageBaseUri());
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** POSTs a body to /v1/reads with an Authorization header (none when null). */
    public HttpResponse<String> post(byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri().resolve("/v1/reads"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
        sink.close();
    }
}
