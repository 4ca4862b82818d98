package io.platewatch.demo;

import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.simulator.WireFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Everything one demo run is told: where the stack keeps its state and which servers it runs, the
 * ports of the gateway and of Flink's web UI, the simulated traffic (seed, rate, how many vehicles
 * get a flag) and how long the traffic flows.
 *
 * @param stateDir state folder of the stack; the demo's own files go to its {@code demo/} folder
 * @param stackProperties stack settings (ports, heaps, timeouts) as {@code ./platewatch up} takes
 * @param services servers to run; Kafka and the registry are required, the others optional
 * @param gatewayPort port of the camera gateway
 * @param flinkUiPort port of the embedded Flink's web UI and REST API
 * @param duration how long traffic flows once everything is up; null until stopped
 * @param readsPerSecond target rate of simulated reads sent to the gateway
 * @param seed seed of the simulated camera network
 * @param flaggedRegulars regulars of the busiest sites given a flag, besides every offender
 * @param offenders offender vehicles of the simulation (they are all flagged)
 * @param cameraFormat wire format the simulated cameras speak
 * @param inFlight concurrent requests of the simulated cameras
 * @param parallelism parallelism of the jobs
 * @param statusInterval how often the status line is printed
 * @param keepStack leave the stack running after the demo (stop it later with down)
 * @param classpath class path of the gateway and pipeline JVMs
 * @param javaBinary the java executable of those JVMs
 */
public record DemoSettings(
        Path stateDir,
        Properties stackProperties,
        List<ServiceKind> services,
        int gatewayPort,
        int flinkUiPort,
        Duration duration,
        double readsPerSecond,
        long seed,
        int flaggedRegulars,
        int offenders,
        WireFormat cameraFormat,
        int inFlight,
        int parallelism,
        Duration statusInterval,
        boolean keepStack,
        String classpath,
        Path javaBinary) {

    /** Servers the demo cannot run without. */
    public static final List<ServiceKind> REQUIRED =
            List.of(ServiceKind.KAFKA, ServiceKind.REGISTRY);

    public DemoSettings {
        services = List.copyOf(services);
        if (!services.containsAll(REQUIRED)) {
            throw new IllegalArgumentException("the demo needs at least kafka and registry");
        }
        if (readsPerSecond <= 0) {
            throw new IllegalArgumentException("the read rate must be positive");
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("the duration must be positive");
        }
        if (parallelism < 1 || inFlight < 1 || offenders < 0 || flaggedRegulars < 0) {
            throw new IllegalArgumentException(
                    "parallelism and in-flight must be positive, flag counts not negative");
        }
    }

    /** The folder of the demo's own files: gateway config, child logs, checkpoints. */
    public Path demoDir() {
        return stateDir.resolve("demo");
    }
}
