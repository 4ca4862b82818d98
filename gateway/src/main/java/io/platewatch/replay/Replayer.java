package io.platewatch.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.platewatch.gateway.IngestException;
import io.platewatch.gateway.MessageFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Feeds recorded camera messages, one JSON message per line in any supported format, through a
 * gateway. Each line's format is detected here to find the camera it names and so its token; the
 * gateway detects it again and does every other check. Lines the gateway does not answer, or
 * answers 429 or 5xx, are retried with backoff before they count as failed.
 *
 * <p>With more than one request in flight, lines of one camera can reach the gateway out of file
 * order; with one (the default) the file order is kept.
 */
public final class Replayer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final URI endpoint;
    private final Function<String, String> tokenOfCamera;
    private final int maxInFlight;
    private final FailsafeExecutor<HttpResponse<String>> retries;

    /**
     * @param tokenOfCamera the token for a camera id found in a message (null when the message
     *     names none); returns null when no token is known
     */
    public Replayer(
            URI gateway, Function<String, String> tokenOfCamera, int maxInFlight, int maxRetries) {
        this.endpoint = gateway.resolve("/v1/reads");
        this.tokenOfCamera = tokenOfCamera;
        this.maxInFlight = maxInFlight;
        this.retries =
                Failsafe.with(
                        RetryPolicy.<HttpResponse<String>>builder()
                                .handle(IOException.class)
                                .handleResultIf(r -> r.statusCode() == 429 || r.statusCode() >= 500)
                                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                                .withMaxRetries(maxRetries)
                                .build());
    }

    /** Replays every line; returns once each has an outcome. */
    public ReplayReport replay(BufferedReader lines) throws IOException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        Outcomes outcomes = new Outcomes();
        String line;
        long number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            outcomes.lines++;
            long lineNumber = number;
            Prepared prepared = prepare(line, lineNumber, outcomes);
            if (prepared == null) {
                continue;
            }
            inFlight.acquireUninterruptibly();
            send(prepared)
                    .whenComplete(
                            (response, error) -> {
                                outcomes.record(lineNumber, prepared.format(), response, error);
                                inFlight.release();
                            });
        }
        inFlight.acquireUninterruptibly(maxInFlight);
        return outcomes.report();
    }

    private record Prepared(byte[] body, MessageFormat format, String token) {}

    /** Detects the format and token of a line, or records why it cannot be sent. */
    private Prepared prepare(String line, long number, Outcomes outcomes) {
        JsonNode message;
        try {
            message = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            outcomes.reject(number, 0, "malformed", "line is not valid JSON");
            return null;
        }
        MessageFormat format;
        try {
            format = MessageFormat.detect(message);
        } catch (IngestException e) {
            outcomes.reject(number, 0, e.code(), e.getMessage());
            return null;
        }
        String camera = format.cameraIdOf(message);
        String token = tokenOfCamera.apply(camera);
        if (token == null) {
            outcomes.reject(
                    number,
                    0,
                    "no_token",
                    camera == null
                            ? "message names no camera and no default token was given"
                            : "no token for camera " + camera);
            return null;
        }
        return new Prepared(line.getBytes(StandardCharsets.UTF_8), format, token);
    }

    private CompletableFuture<HttpResponse<String>> send(Prepared prepared) {
        HttpRequest request =
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + prepared.token())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(prepared.body()))
                        .build();
        return retries.getStageAsync(
                        () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toCompletableFuture();
    }

    /** Outcome counters, shared by the response threads. */
    private static final class Outcomes {
        long lines;
        private long accepted;
        private long reads;
        private final Map<String, Long> byFormat = new TreeMap<>();
        private final List<ReplayReport.Problem> rejected = new ArrayList<>();
        private final List<ReplayReport.Problem> failed = new ArrayList<>();

        synchronized void reject(long line, int status, String error, String message) {
            rejected.add(new ReplayReport.Problem(line, status, error, message));
        }

        synchronized void record(
                long line, MessageFormat format, HttpResponse<String> response, Throwable error) {
            if (error != null || response == null) {
                Throwable cause =
                        error == null ? null : error.getCause() == null ? error : error.getCause();
                failed.add(
                        new ReplayReport.Problem(
                                line,
                                0,
                                "no_answer",
                                cause == null ? "no answer" : cause.getClass().getSimpleName()));
                return;
            }
            int status = response.statusCode();
            JsonNode body = body(response.body());
            if (status / 100 == 2) {
                accepted++;
                reads += body.path("accepted").asLong(0);
                byFormat.merge(format.label(), 1L, Long::sum);
            } else {
                ReplayReport.Problem problem =
                        new ReplayReport.Problem(
                                line,
                                status,
                                body.path("error").asText("http_" + status),
                                body.path("message").asText(""));
                if (status >= 500 || status == 429) {
                    failed.add(problem);
                } else {
                    rejected.add(problem);
                }
            }
        }

        private static JsonNode body(String text) {
            try {
                return MAPPER.readTree(text == null ? "{}" : text);
            } catch (JsonProcessingException e) {
                return MAPPER.createObjectNode();
            }
        }

        synchronized ReplayReport report() {
            List<ReplayReport.Problem> sortedRejected = new ArrayList<>(rejected);
            List<ReplayReport.Problem> sortedFailed = new ArrayList<>(failed);
            sortedRejected.sort((a, b) -> Long.compare(a.line(), b.line()));
            sortedFailed.sort((a, b) -> Long.compare(a.line(), b.line()));
            return new ReplayReport(
                    lines,
                    accepted,
                    reads,
                    Collections.unmodifiableMap(new TreeMap<>(byFormat)),
                    List.copyOf(sortedRejected),
                    List.copyOf(sortedFailed));
        }
    }
}
