package io.platewatch.infra.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few REST calls the launcher makes to Elasticsearch (health, template, index listing and
 * deletion), on the JDK's HTTP client so that infra needs no Elasticsearch library.
 */
public final class ElasticsearchHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient client;

    public ElasticsearchHttp(String baseUrl, HttpClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> get(String path, Duration timeout)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET());
    }

    public HttpResponse<String> put(String path, String json)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }
}
