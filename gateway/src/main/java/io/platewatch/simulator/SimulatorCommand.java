package io.platewatch.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.platewatch.gateway.GatewayConfig;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the camera-network simulator against a gateway, Kafka or a file, and prints what it sent and
 * what came back (counts, rate, latency percentiles).
 */
@Command(
        name = "platewatch-simulator",
        mixinStandardHelpOptions = true,
        description = "Simulates ANPR cameras over greater Auckland.")
public final class SimulatorCommand implements Callable<Integer> {
    enum Target {
        gateway,
        kafka,
        file
    }

    @Spec CommandSpec spec;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of every random choice.")
    long seed;

    @Option(
            names = "--start",
            description = "First simulated instant (ISO-8601); default: the period before now.")
    Instant start;

    @Option(names = "--period", defaultValue = "P1D", description = "Simulated time (ISO-8601).")
    Duration period;

    @Option(names = "--vehicles", defaultValue = "5000")
    int vehicles;

    @Option(names = "--reads-per-camera-hour", defaultValue = "40")
    double readsPerCameraHour;

    @Option(names = "--offenders", defaultValue = "5")
    int offenders;

    @Option(names = "--misread-rate", defaultValue = "0.03")
    double misreadRate;

    @Option(names = "--outages-per-camera-day", defaultValue = "0.2")
    double outagesPerCameraDay;

    @Option(names = "--target", defaultValue = "gateway", description = "${COMPLETION-CANDIDATES}")
    Target target;

    @Option(
            names = "--format",
            defaultValue = "PLATEWATCH",
            description = "${COMPLETION-CANDIDATES}")
    WireFormat format;

    @Option(names = "--gateway-url", defaultValue = "http://127.0.0.1:8088")
    URI gatewayUrl;

    @Option(names = "--bootstrap-servers", description = "Kafka, for --target kafka and incidents.")
    String bootstrapServers;

    @Option(names = "--registry-url", description = "Schema registry for Kafka targets.")
    String registryUrl;

    @Option(names = "--out", description = "JSON-lines file for --target file.")
    Path out;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second; 0: no limit.")
    double rate;

    @Option(names = "--count", defaultValue = "10000", description = "Events at most; 0: all.")
    long count;

    @Option(names = "--duration", description = "Wall-clock limit (ISO-8601), e.g. PT60S.")
    Duration duration;

    @Option(names = "--in-flight", defaultValue = "32", description = "Concurrent HTTP requests.")
    int inFlight;

    @Option(names = "--retries", defaultValue = "3", description = "HTTP retries per read.")
    int retries;

    @Option(
            names = "--write-gateway-config",
            description = "Write a gateway configuration for the simulated cameras and exit.")
    Path gatewayConfigOut;

    @Option(
            names = "--write-tokens",
            description =
                    "With --write-gateway-config: also write the cameras' tokens (camera id ="
                            + " token) for the replay command. Keep the file private.")
    Path tokensOut;

    @Option(names = "--gateway-port", defaultValue = "8088", description = "Port in that config.")
    int gatewayPort;

    @Option(names = "--gateway-rate", defaultValue = "1000", description = "Per-camera rate in it.")
    long gatewayRate;

    @Option(names = "--report", description = "Write the run report as JSON to this file.")
    Path report;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimulatorCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        CameraNetworkSimulator simulator = new CameraNetworkSimulator(settings());
        if (gatewayConfigOut != null) {
            GatewayConfig config =
                    SimulatedCameras.gatewayConfig(
                            seed, simulator.cameras(), gatewayPort, gatewayRate);
            GatewayConfig.mapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(gatewayConfigOut.toFile(), config);
            if (tokensOut != null) {
                Properties tokens = new Properties();
                tokens.putAll(SimulatedCameras.tokensById(seed, simulator.cameras()));
                try (Writer writer = Files.newBufferedWriter(tokensOut)) {
                    tokens.store(writer, "Bearer tokens of the simulated cameras, seed " + seed);
                }
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "wrote %s for %d cameras%n",
                            gatewayConfigOut, simulator.cameras().size());
            return 0;
        }
        SimulationRunner.RunReport result;
        try (SimulationTarget sink = target(simulator)) {
            result = SimulationRunner.run(simulator, sink, rate, count, duration);
        }
        print(result);
        if (report != null) {
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(report.toFile(), result);
        }
        return 0;
    }

    private SimulationSettings settings() {
        Instant first =
                start != null ? start : Instant.now().minus(period).truncatedTo(ChronoUnit.HOURS);
        return SimulationSettings.builder(seed, first)
                .period(period)
                .vehicles(vehicles)
                .readsPerCameraPerHour(readsPerCameraHour)
                .offenders(offenders)
                .misreadRate(misreadRate)
                .outagesPerCameraPerDay(outagesPerCameraDay)
                .build();
    }

    private SimulationTarget target(CameraNetworkSimulator simulator) throws Exception {
        return switch (target) {
            case gateway ->
                    new GatewayHttpTarget(
                            gatewayUrl,
                            SimulatedCameras.tokensById(seed, simulator.cameras()),
                            format,
                            bootstrapServers == null ? null : kafka(),
                            inFlight,
                            retries);
            case kafka -> kafka();
            case file -> {
                if (out == null) {
                    throw new CommandLine.ParameterException(
                            spec.commandLine(), "--target file needs --out");
                }
                yield new JsonLinesTarget(out, format);
            }
        };
    }

    private KafkaTarget kafka() {
        if (bootstrapServers == null || registryUrl == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "Kafka needs --bootstrap-servers and --registry-url");
        }
        return KafkaTarget.connect(bootstrapServers, registryUrl);
    }

    private void print(SimulationRunner.RunReport result) {
        PrintWriter out = spec.commandLine().getOut();
        TargetReport t = result.target();
        out.printf(
                "%d events (%d reads, %d incidents; %d misreads, %d from outage backlogs) in %.1f"
                        + " s%n",
                result.events(),
                result.reads(),
                result.incidents(),
                result.misreads(),
                result.backlogReads(),
                result.seconds());
        out.printf(
                "reads: %d sent, %d acknowledged (%.0f/s); answers %s%n",
                t.readsSent(), t.readsAccepted(), result.readsPerSecond(), t.statusCounts());
        out.printf(
                "latency to acknowledgement: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                t.latencyP50Millis(), t.latencyP99Millis(), t.latencyMaxMillis());
        out.printf(
                "incidents: %d sent, %d skipped (no Kafka target)%n",
                t.incidentsSent(), t.incidentsSkipped());
        out.flush();
    }
}
