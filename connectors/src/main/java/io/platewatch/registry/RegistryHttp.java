package io.platewatch.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.platewatch.registry.RegistryErrors.Call;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the registry client: builds requests with the Confluent content type and
 * credentials, retries transient failures with exponential backoff, and turns failed answers into
 * exceptions.
 *
 * <p>Retried: connect failures, timeouts, HTTP 5xx and 429. Timeouts are retried too because every
 * call of the Confluent API that this client makes is idempotent (registering the same schema twice
 * returns the same id). Every other 4xx fails at once: retrying cannot fix the request.
 */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json,"
                    + " application/vnd.schemaregistry+json; qs=0.9,"
                    + " application/json; qs=0.5";
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);

    private final RegistrySettings settings;
    private final String baseUrl;
    private final String authorization;
    private final HttpClient http;
    private final RetryPolicy<HttpResponse<String>> retryPolicy;
    private final ObjectMapper json;

    RegistryHttp(RegistrySettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.baseUrl = stripTrailingSlash(settings.baseUrl().toString());
        this.authorization = basicAuthHeader(settings.basicAuth());
        this.http = httpClient(settings);
        this.retryPolicy = retryPolicy(settings.retry());
    }

    /** Percent-encodes one path segment (a subject name). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    JsonNode get(Call call, String path) {
        return send(call, request(path).GET());
    }

    JsonNode post(Call call, String path, JsonNode body) {
        return send(call, request(path).POST(bodyOf(body)));
    }

    JsonNode put(Call call, String path, JsonNode body) {
        return send(call, request(path).PUT(bodyOf(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(settings.requestTimeout())
                        .header("Accept", ACCEPT)
                        .header("Content-Type", CONTENT_TYPE);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private HttpRequest.BodyPublisher bodyOf(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a request body as JSON", e);
        }
    }

    private JsonNode send(Call call, HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response = sendWithRetries(call, request);
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            return body;
        }
        throw RegistryErrors.toException(call, status, body);
    }

    private HttpResponse<String> sendWithRetries(Call call, HttpRequest request) {
        try {
            return Failsafe.with(retryPolicy)
                    .get(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (FailsafeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new RegistryUnavailableException(
                    call.operation(), "no answer: " + cause.getClass().getSimpleName(), cause);
        }
    }

    /** Error bodies are not always JSON (a proxy's HTML page): those read as no body. */
    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static RetryPolicy<HttpResponse<String>> retryPolicy(RegistrySettings.Retry retry) {
        return RetryPolicy.<HttpResponse<String>>builder()
                .handle(ConnectException.class, HttpTimeoutException.class)
                .handleResultIf(response -> RegistryErrors.isTransientStatus(response.statusCode()))
                .withBackoff(retry.initialBackoff(), retry.maxBackoff())
                .withMaxRetries(retry.maxRetries())
                .onRetry(
                        event ->
                                LOG.warn(
                                        "Registry call failed ({}), retry {}",
                                        event.getLastResult() != null
                                                ? "HTTP " + event.getLastResult().statusCode()
                                                : event.getLastException()
                                                        .getClass()
                                                        .getSimpleName(),
                                        event.getAttemptCount()))
                .build();
    }

    private static HttpClient httpClient(RegistrySettings settings) {
        HttpClient.Builder builder =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(settings.connectTimeout());
        if (settings.tls() != null) {
            builder.sslContext(sslContext(settings.tls()));
        }
        return builder.build();
    }

    private static SSLContext sslContext(RegistrySettings.Tls tls) {
        if (tls.sslContext() != null) {
            return tls.sslContext();
        }
        try (InputStream in = Files.newInputStream(Path.of(tls.trustStorePath()))) {
            KeyStore store = KeyStore.getInstance(tls.trustStoreType());
            char[] password =
                    tls.trustStorePassword() == null
                            ? null
                            : tls.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "cannot load the registry truststore " + tls.trustStorePath(), e);
        }
    }

    private static String basicAuthHeader(RegistrySettings.BasicAuth auth) {
        if (auth == null) {
            return null;
        }
        String token = auth.user() + ":" + auth.password();
        return "Basic "
                + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
