package io.platewatch.demo;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waits until a child JVM answers over HTTP, at most a bounded time, and gives up at once when the
 * process dies, so a crash shows its log instead of a timeout.
 */
final class HttpReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private HttpReadiness() {}

    /**
     * Polls {@code url} until {@code ready} accepts a response body with status 200.
     *
     * @throws DemoStartException when the process exits or the timeout passes
     */
    static void await(
            ChildJvm child,
            URI url,
            Predicate<String> ready,
            Duration timeout,
            DemoListener listener) {
        long began = System.nanoTime();
        long[] lastReport = {0};
        RetryPolicy<Boolean> untilReady =
                RetryPolicy.<Boolean>builder()
                        .handleResult(false)
                        .abortIf((Boolean result) -> !child.isAlive())
                        .withDelay(POLL_INTERVAL)
                        .withMaxRetries(-1)
                        .withMaxDuration(timeout)
                        .onRetry(
                                event -> {
                                    long seconds = event.getElapsedTime().toSeconds();
                                    if (seconds / 10 > lastReport[0]) {
                                        lastReport[0] = seconds / 10;
                                        listener.step(
                                                child.name()
                                                        + " still starting ("
                                                        + seconds
                                                        + " s)");
                                    }
                                })
                        .build();
        boolean answered = Failsafe.with(untilReady).get(() -> probe(url, ready));
        if (!child.isAlive()) {
            throw new DemoStartException(child.exitDescription());
        }
        if (!answered) {
            throw new DemoStartException(
                    child.name()
                            + " did not answer on "
                            + url
                            + " within "
                            + Duration.ofNanos(System.nanoTime() - began).toSeconds()
                            + " s; its log: "
                            + child.log());
        }
    }

    private static boolean probe(URI url, Predicate<String> ready) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(
                            HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && ready.test(response.body());
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoStoppedException();
        }
    }
}
