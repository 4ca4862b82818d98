package io.platewatch.demo;

import io.platewatch.infra.stack.ServiceKind;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.simulator.WireFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./platewatch demo}: the whole platform on this machine with simulated cameras, live alerts
 * in the terminal and Flink's web UI on localhost, until Ctrl-C, SIGTERM or the end of {@code
 * --duration}; then everything it started is stopped, the stack included.
 */
@Command(
        name = "platewatch demo",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the stack, the camera gateway and the jobs, feeds simulated cameras through the"
                    + " gateway and shows alerts as they happen. Ctrl-C stops everything.",
        })
public final class DemoMain implements Callable<Integer> {

    /** Exit code of a run that failed or left something running. */
    static final int EXIT_FAILED = 1;

    private static final Duration HOOK_WAIT = Duration.ofMinutes(4);

    @Spec CommandSpec spec;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description =
                    "Stop by itself after the traffic has flowed this long (90s, 2m, PT90S);"
                            + " default: until Ctrl-C.")
    Duration duration;

    @Option(
            names = "--rate",
            defaultValue = "200",
            description = "Simulated reads per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Seed of the simulated network (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--services",
            split = ",",
            description =
                    "Servers to run (default: all the launcher supports: kafka, registry,"
                            + " cassandra, elasticsearch; kafka and registry are required).")
    List<String> services;

    @Option(
            names = "--flagged-regulars",
            defaultValue = "14",
            description = "Regulars of the sites that get a flag, besides every offender.")
    int flaggedRegulars;

    @Option(
            names = "--offenders",
            defaultValue = "5",
            description = "Offender vehicles of the simulation (all flagged).")
    int offenders;

    @Option(
            names = "--camera-format",
            defaultValue = "PLATEWATCH",
            description = "Wire format of the cameras: ${COMPLETION-CANDIDATES}.")
    WireFormat cameraFormat;

    @Option(
            names = "--in-flight",
            defaultValue = "32",
            description = "Concurrent camera requests (default ${DEFAULT-VALUE}).")
    int inFlight;

    @Option(names = "--parallelism", defaultValue = "1", description = "Parallelism of the jobs.")
    int parallelism;

    @Option(
            names = "--status-interval",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often the status line is printed (default ${DEFAULT-VALUE}).")
    Duration statusInterval;

    @Option(names = "--gateway-port", defaultValue = "8088", description = "Camera gateway port.")
    int gatewayPort;

    @Option(
            names = "--flink-ui-port",
            defaultValue = "8082",
            description = "Port of Flink's web UI on localhost (default ${DEFAULT-VALUE}).")
    int flinkUiPort;

    @Option(
            names = "--keep-stack",
            description = "Leave the stack running afterwards (stop it with ./platewatch down).")
    boolean keepStack;

    @Option(
            names = "--state-dir",
            defaultValue = "${env:PLATEWATCH_STATE_DIR:-.platewatch}",
            description = "State folder of the stack (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(
            names = "--config",
            description = "Stack properties (default: <state-dir>/stack.properties when present).")
    Path configFile;

    public static void main(String[] args) {
        // Before the first logger: the demo's own quiet configuration, not a dependency's.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty(
                    "log4j2.configurationFile", "io/platewatch/demo/log4j2-demo.properties");
        }
        System.exit(new CommandLine(new DemoMain()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DemoSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DemoRun run = new DemoRun(settings, new ConsoleReport(out, ZoneId.systemDefault()));
        CountDownLatch exitCodeKnown = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(EXIT_FAILED);
        Thread hook =
                new Thread(
                        () -> {
                            run.requestStop("Ctrl-C or SIGTERM received");
                            try {
                                if (run.awaitFinished(HOOK_WAIT)
                                        && exitCodeKnown.await(10, TimeUnit.SECONDS)) {
                                    // Everything is stopped and reported: end with the run's
                                    // exit code rather than the signal's.
                                    Runtime.getRuntime().halt(exitCode.get());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "demo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StopReport report = run.run();
        PrintWriter err = spec.commandLine().getErr();
        run.failure().ifPresent(failure -> err.println("demo failed: " + failure.getMessage()));
        exitCode.set(run.failure().isEmpty() && report.clean() ? 0 : EXIT_FAILED);
        out.flush();
        err.flush();
        exitCodeKnown.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // A signal started the JVM's shutdown; the hook ends the JVM with this exit code.
        }
        return exitCode.get();
    }

    private DemoSettings settings() {
        Path file = configFile != null ? configFile : stateDir.resolve("stack.properties");
        if (configFile != null && !Files.isRegularFile(configFile)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "configuration file " + configFile + " not found");
        }
        Properties stack = StackConfig.load(file);
        stack.putAll(StackConfig.fromSystemProperties());
        List<ServiceKind> kinds =
                services == null
                        ? Arrays.asList(ServiceKind.values())
                        : ServiceKind.parse(String.join(",", services));
        return new DemoSettings(
                stateDir.toAbsolutePath().normalize(),
                stack,
                kinds,
                gatewayPort,
                flinkUiPort,
                duration,
                rate,
                seed,
                flaggedRegulars,
                offenders,
                cameraFormat,
                inFlight,
                parallelism,
                statusInterval,
                keepStack,
                System.getProperty("java.class.path"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
