package io.platewatch.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the gateway. {@code POST /v1/reads} takes one camera message in any supported
 * format and answers 200 only after Kafka acknowledged every read in it, so a camera may drop a
 * read once it has its 200. Refusals are JSON: {@code {"error": code, "field": path, "message":
 * reason}}. {@code GET /health} and {@code GET /metrics} serve operations.
 */
public final class GatewayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
    private static final String JSON = "application/json";

    private final GatewayConfig config;
    private final CameraDirectory cameras;
    private final IngestService ingest;
    private final CameraRateLimiter limiter;
    private final GatewayMetrics metrics;
    private final ObjectMapper mapper = new ObjectMapper();
    private Javalin app;

    public GatewayServer(
            GatewayConfig config,
            CameraDirectory cameras,
            IngestService ingest,
            CameraRateLimiter limiter,
            GatewayMetrics metrics) {
        this.config = config;
        this.cameras = cameras;
        this.ingest = ingest;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /** Binds the configured host and port and starts serving. */
    public GatewayServer start() {
        app =
                Javalin.create(
                        javalin -> {
                            javalin.startup.showJavalinBanner = false;
                            javalin.startup.showOldJavalinVersionWarning = false;
                            javalin.http.maxRequestSize = config.maxBodyBytes();
                            javalin.routes.post("/v1/reads", this::ingest);
                            javalin.routes.get("/health", this::health);
                            javalin.routes.get("/metrics", this::metrics);
                            javalin.routes.exception(IngestException.class, this::refuse);
                            javalin.routes.exception(HttpResponseException.class, this::httpError);
                            javalin.routes.exception(Exception.class, this::unexpected);
                        });
        app.start(config.host(), config.port());
        LOG.info(
                "Gateway listening on {}:{} for {} cameras",
                config.host(),
                app.port(),
                cameras.size());
        return this;
    }

    public int port() {
        return app.port();
    }

    private void ingest(Context ctx) {
        Camera camera = authenticate(ctx);
        rateLimit(ctx, camera);
        requireSize(ctx);
        IngestService.Parsed parsed = ingest.parse(ctx.bodyAsBytes(), camera);
        long started = System.nanoTime();
        ctx.future(
                () ->
                        ingest.store(parsed)
                                .handle(
                                        (stored, error) -> {
                                            answerStored(ctx, stored, error, started);
                                            return null;
                                        }));
    }

    private Camera authenticate(Context ctx) {
        return cameras.authenticate(CameraDirectory.tokenFrom(ctx.header("Authorization")))
                .orElseThrow(
                        () ->
                                new IngestException(
                                        401,
                                        "unauthorized",
                                        null,
                                        "a valid camera token is required as 'Authorization:"
                                                + " Bearer <token>'"));
    }

    private void rateLimit(Context ctx, Camera camera) {
        long waitSeconds = limiter.tryAcquire(camera.id());
        if (waitSeconds > 0) {
            ctx.header("Retry-After", Long.toString(waitSeconds));
            throw new IngestException(
                    429,
                    "rate_limited",
                    null,
                    "camera exceeds "
                            + config.ratePerCameraPerSecond()
                            + " requests per second; retry after "
                            + waitSeconds
                            + " s");
        }
    }

    /** Refuses early on a declared length; Javalin enforces the same limit on chunked bodies. */
    private void requireSize(Context ctx) {
        String declared = ctx.header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > config.maxBodyBytes()) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw IngestException.malformed(null, "Content-Length is not a number");
            }
        }
    }

    private IngestException tooLarge() {
        return new IngestException(
                413,
                "too_large",
                null,
                "body exceeds the limit of " + config.maxBodyBytes() + " bytes");
    }

    private void answerStored(
            Context ctx, IngestService.Parsed stored, Throwable error, long startedNanos) {
        if (error != null) {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            metrics.storeFailed();
            LOG.warn(
                    "Kafka did not acknowledge reads of camera request: {}",
                    cause.getClass().getSimpleName());
            respond(
                    ctx,
                    503,
                    body(
                            "store_unavailable",
                            null,
                            "reads were not stored; keep them and retry later"));
            return;
        }
        metrics.accepted(
                stored.format(),
                stored.reads().size(),
                Duration.ofNanos(System.nanoTime() - startedNanos));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("format", stored.format().label());
        answer.put("accepted", stored.reads().size());
        answer.put("readIds", stored.readIds());
        respond(ctx, 200, answer);
    }

    private void health(Context ctx) {
        boolean healthy = metrics.storeHealthy();
        respond(
                ctx,
                healthy ? 200 : 503,
                Map.of("status", healthy ? "UP" : "DEGRADED", "cameras", cameras.size()));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void refuse(IngestException e, Context ctx) {
        metrics.rejected(e.code());
        LOG.debug("Refused request: {} ({})", e.code(), e.status());
        respond(ctx, e.status(), body(e.code(), e.field(), e.getMessage()));
    }

    private void httpError(HttpResponseException e, Context ctx) {
        if (e.getStatus() == 413) {
            refuse(tooLarge(), ctx);
            return;
        }
        metrics.rejected("http_" + e.getStatus());
        respond(ctx, e.getStatus(), body("http_" + e.getStatus(), null, e.getMessage()));
    }

    private void unexpected(Exception e, Context ctx) {
        metrics.rejected("internal");
        LOG.error("Unexpected failure handling a request: {}", e.getClass().getName());
        respond(ctx, 500, body("internal", null, "the gateway failed; retry later"));
    }

    private static Map<String, Object> body(String code, String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return body;
    }

    private void respond(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType(JSON).result(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
