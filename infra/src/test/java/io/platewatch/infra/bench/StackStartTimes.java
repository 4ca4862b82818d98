package io.platewatch.infra.bench;

import io.platewatch.infra.stack.LocalStack;
import io.platewatch.infra.stack.StackConfig;
import io.platewatch.infra.stack.StackListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Measures how long the stack takes to come up and go down: a cold start on an empty state folder
 * (storage format, first topic creation), then warm restarts on the same folder. Prints the figures
 * and saves them to {@code infra/target/benchmarks/stack-start.txt}. Start times depend heavily on
 * what else the machine is doing, so the system load average is recorded with each figure.
 *
 * <p>Run: {@code mvn -pl infra test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.platewatch.infra.bench.StackStartTimes [-Dexec.args=<warm runs>]}
 */
public final class StackStartTimes {

    private StackStartTimes() {}

    public static void main(String[] args) throws IOException {
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path output = outputDir();
        Path stateDir = output.resolve("stack-state");
        deleteTree(stateDir);
        Properties properties = new Properties();
        properties.setProperty("kafka.port", "0");
        properties.setProperty("kafka.controller.port", "0");
        properties.setProperty("registry.port", "0");
        properties.setProperty("services", "kafka,registry");
        StackConfig config = new StackConfig(stateDir, properties);

        List<String> lines = new ArrayList<>();
        for (int run = 0; run <= warmRuns; run++) {
            String kind = run == 0 ? "cold" : "warm";
            Timings timings = new Timings();
            LocalStack stack = new LocalStack(config, timings);
            double load = loadAverage();
            Instant upBegin = Instant.now();
            stack.up();
            Duration up = Duration.between(upBegin, Instant.now());
            Instant downBegin = Instant.now();
            stack.down();
            Duration down = Duration.between(downBegin, Instant.now());
            String line =
                    String.format(
                            Locale.ROOT,
                            "%s run %d: up %.1f s (kafka prepare %.1f s, ready %.1f s after launch,"
                                    + " topics %.1f s;"
                                    + " registry ready %.1f s after launch), down %.1f s,"
                                    + " load average %.1f",
                            kind,
                            run,
                            seconds(up),
                            seconds(timings.preparation.get(0)),
                            seconds(timings.ready.get(0)),
                            seconds(timings.provisioning),
                            seconds(timings.ready.get(1)),
                            seconds(down),
                            load);
            System.out.println(line);
            lines.add(line);
        }
        Path report = output.resolve("stack-start.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, lines);
        System.out.println("saved to " + report.toAbsolutePath());
    }

    /**
     * exec:java runs in Maven's JVM, whose working folder is wherever mvn was started: from the
     * repository root, write under infra's target folder rather than a new root one.
     */
    private static Path outputDir() {
        Path fromRoot = Path.of("infra", "target");
        Path target = Files.isDirectory(fromRoot) ? fromRoot : Path.of("target");
        return target.resolve("benchmarks");
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Collects readiness and provisioning times from the stack's progress events. */
    private static final class Timings implements StackListener {
        final List<Duration> ready = new ArrayList<>();
        final List<Duration> preparation = new ArrayList<>();
        private Instant startingAt = Instant.now();
        Duration provisioning = Duration.ZERO;
        private Instant readyAt = Instant.now();

        @Override
        public void starting(String server, java.util.Map<String, Integer> ports) {
            startingAt = Instant.now();
        }

        /** From the port check to the launch: config files and, on a cold start, storage format. */
        @Override
        public void started(String server, long pid) {
            preparation.add(Duration.between(startingAt, Instant.now()));
        }

        @Override
        public void ready(String server, Duration sinceStart) {
            ready.add(sinceStart);
            readyAt = Instant.now();
        }

        @Override
        public void provisioned(String server, String summary) {
            provisioning = Duration.between(readyAt, Instant.now());
        }
    }
}
