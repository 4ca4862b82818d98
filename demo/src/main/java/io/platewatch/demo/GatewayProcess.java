package io.platewatch.demo;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.platewatch.gateway.GatewayConfig;
import io.platewatch.infra.process.Ports;
import io.platewatch.simulator.SimCamera;
import io.platewatch.simulator.SimulatedCameras;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The camera gateway ({@code io.platewatch.gateway.GatewayMain}) in its own JVM, configured for the
 * simulated cameras: their ids, sites and token hashes, written by the simulator's own code to
 * {@code <state>/demo/gateway.json}.
 */
final class GatewayProcess {

    static final String NAME = "gateway";

    private static final String MAIN = "io.platewatch.gateway.GatewayMain";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC");
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    /** Per-camera rate the gateway allows; far above what the demo sends. */
    private static final long RATE_PER_CAMERA = 1000;

    private final ChildJvm jvm;
    private final URI url;

    private GatewayProcess(ChildJvm jvm, URI url) {
        this.jvm = jvm;
        this.url = url;
    }

    /** Writes the configuration and launches the gateway; returns without waiting for it. */
    static GatewayProcess launch(
            DemoSettings settings, Endpoints endpoints, List<SimCamera> cameras)
            throws IOException {
        int port = settings.gatewayPort();
        if (!Ports.isFree(port)) {
            throw new DemoStartException(
                    "the gateway port "
                            + port
                            + " is in use by another process; choose another with"
                            + " --gateway-port");
        }
        Path config = settings.demoDir().resolve("gateway.json");
        Files.createDirectories(config.getParent());
        GatewayConfig.mapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(
                        config.toFile(),
                        SimulatedCameras.gatewayConfig(
                                settings.seed(), cameras, port, RATE_PER_CAMERA));
        ChildJvm jvm =
                ChildJvm.launch(
                        settings,
                        NAME,
                        JVM_OPTIONS,
                        MAIN,
                        List.of(
                                "--config",
                                config.toString(),
                                "--bootstrap-servers",
                                endpoints.bootstrapServers(),
                                "--registry-url",
                                endpoints.registryUrl()));
        return new GatewayProcess(jvm, URI.create("http://" + Ports.HOST + ":" + port));
    }

    /** Blocks until {@code GET /health} answers 200. */
    void awaitReady(DemoListener listener) {
        HttpReadiness.await(jvm, url.resolve("/health"), body -> true, READY_TIMEOUT, listener);
    }

    URI url() {
        return url;
    }

    ChildJvm jvm() {
        return jvm;
    }
}
