package io.platewatch.infra.registry;

import io.platewatch.infra.process.Ports;
import io.platewatch.infra.stack.JvmServer;
import io.platewatch.infra.stack.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 2.6, the schema registry of the stack, speaking the Confluent REST API under
 * {@code /apis/ccompat/v7}. Global compatibility is BACKWARD, so an incompatible schema change is
 * refused as it would be in production. Its H2 database is a file in the server's folder, so
 * registered schemas (and their ids) survive a restart just like the Kafka records that refer to
 * them.
 */
public final class RegistryServer extends JvmServer {

    public static final String NAME = "registry";

    private static final int DEFAULT_PORT = 8081;
    private static final String DEFAULT_HEAP = "512m";

    /** Created on the first probe: building an HTTP client costs seconds on a loaded machine. */
    private HttpClient http;

    public RegistryServer(StackConfig config) {
        super(NAME, config, Map.of("http", config.port("registry.port", DEFAULT_PORT)));
    }

    /** Root URL of the registry, {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return "http://" + Ports.HOST + ":" + port("http");
    }

    /** Base URL of the Confluent-compatible API that serializers and clients use. */
    public String confluentApiUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    @Override
    public String endpoint() {
        return confluentApiUrl();
    }

    @Override
    protected void prepare() throws IOException {
        Files.createDirectories(dir().resolve("data"));
    }

    @Override
    protected List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        command.add("-Xmx" + config().heap(NAME, DEFAULT_HEAP));
        command.add("-Djava.awt.headless=true");
        command.add("-Dquarkus.http.host=" + Ports.HOST);
        command.add("-Dquarkus.http.port=" + port("http"));
        command.add("-Dregistry.rules.global.compatibility=BACKWARD");
        command.add(
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:"
                        + dir().resolve("data").resolve("registry"));
        config().withPrefix("registry.override.")
                .forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(extraJvmArgs());
        command.add("-jar");
        command.add(RegistryDistribution.runnerJar().toString());
        return command;
    }

    private synchronized HttpClient httpClient() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        return http;
    }

    @Override
    protected boolean answers() {
        HttpRequest ready =
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                        .timeout(Duration.ofSeconds(3))
                        .GET()
                        .build();
        try {
            return httpClient().send(ready, HttpResponse.BodyHandlers.discarding()).statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
