package io.platewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.platewatch.schemas.PlateRead;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP behaviour of the client that a real registry cannot be made to show on demand: 503 and 429
 * answers, unknown fields, and the exact headers sent. A small HTTP server on loopback plays the
 * registry with scripted answers; everything else runs against Apicurio in the integration tests.
 */
class RegistryClientHttpTest {

    private static final Schema SCHEMA = PlateRead.getClassSchema();

    private HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    private record Answer(int status, String body) {}

    private record Seen(String method, String path, String contentType, String authorization) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void retriesServerErrorsAndThrottlingThenSucceeds() {
        script.add(new Answer(503, "{\"error_code\":50003,\"message\":\"busy\"}"));
        script.add(new Answer(429, ""));
        script.add(new Answer(200, "{\"id\":21}"));

        int id = client(RegistrySettings.Retry.defaults()).register("reads-value", SCHEMA);

        assertThat(id).isEqualTo(21);
        assertThat(seen).hasSize(3);
    }

    @Test
    void givesUpAfterTheLastRetryWithRegistryUnavailable() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(500, "{\"error_code\":50001,\"message\":\"store error\"}"));
        }

        assertThatThrownBy(() -> client(fastRetries(2)).register("reads-value", SCHEMA))
                .isInstanceOfSatisfying(
                        RegistryUnavailableException.class,
                        e -> {
                            assertThat(e.httpStatus()).isEqualTo(500);
                            assertThat(e.errorCode()).isEqualTo(50001);
                        });
        assertThat(seen).hasSize(3);
    }

    @Test
    void doesNotRetryClientErrors() {
        script.add(new Answer(404, "{\"error_code\":40401,\"message\":\"Subject not found\"}"));

        assertThatThrownBy(() -> client(fastRetries(5)).versions("missing-value"))
                .isInstanceOf(SubjectNotFoundException.class);
        assertThat(seen).hasSize(1);
    }

    @Test
    void sendsTheConfluentContentTypeAndPreemptiveBasicAuth() {
        script.add(new Answer(200, "{\"id\":3}"));
        RegistrySettings settings =
                RegistrySettings.builder(baseUrl())
                        .basicAuth("svc-alerting", "s3cret")
                        .retry(RegistrySettings.Retry.none())
                        .build();

        new RegistryClient(settings).register("reads value/x", SCHEMA);

        Seen request = seen.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/subjects/reads%20value%2Fx/versions");
        assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(request.authorization()).isEqualTo("Basic c3ZjLWFsZXJ0aW5nOnMzY3JldA==");
    }

    @Test
    void toleratesUnknownFieldsAndCachesSchemasById() {
        String schemaJson = SCHEMA.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        script.add(
                new Answer(
                        200,
                        "{\"schema\":\""
                                + schemaJson
                                + "\",\"schemaType\":\"AVRO\",\"references\":[],"
                                + "\"guid\":\"4f1c\",\"ruleSet\":null}"));
        RegistryClient client = client(RegistrySettings.Retry.none());

        Schema first = client.schemaById(5);
        Schema second = client.schemaById(5);

        assertThat(first).isEqualTo(SCHEMA);
        assertThat(second).isSameAs(first);
        assertThat(seen).hasSize(1);
    }

    @Test
    void unreachableRegistryIsUnavailableAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RegistrySettings settings =
                RegistrySettings.builder("http://127.0.0.1:" + closedPort)
                        .retry(fastRetries(2))
                        .build();

        assertThatThrownBy(() -> new RegistryClient(settings).schemaById(1))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("ConnectException");
    }

    @Test
    void passwordNeverAppearsInSettingsText() {
        RegistrySettings settings =
                RegistrySettings.builder(baseUrl()).basicAuth("svc", "s3cret").build();

        assertThat(settings.toString()).contains("svc").doesNotContain("s3cret");
    }

    private RegistryClient client(RegistrySettings.Retry retry) {
        return new RegistryClient(RegistrySettings.builder(baseUrl()).retry(retry).build());
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    private static RegistrySettings.Retry fastRetries(int count) {
        return new RegistrySettings.Retry(count, Duration.ofMillis(10), Duration.ofMillis(20));
    }

    private void answer(HttpExchange exchange) throws IOException {
        seen.add(
                new Seen(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization")));
        exchange.getRequestBody().readAllBytes();
        Answer answer = script.poll();
        if (answer == null) {
            answer = new Answer(500, "{\"message\":\"script exhausted\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", RegistryHttp.CONTENT_TYPE);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
