package io.platewatch.demo;

import io.platewatch.infra.process.Ports;
import io.platewatch.simulator.CameraNetworkSimulator;
import io.platewatch.simulator.TargetReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the demo, from the stack to the last alert and back to nothing running:
 *
 * <ol>
 *   <li>the stack through infra's launcher: Kafka and the registry (required), Cassandra and
 *       Elasticsearch (optional: the demo goes on without one that does not start);
 *   <li>the demo's flags on simulated vehicles, written to the flag topic;
 *   <li>the camera gateway and the pipeline (alerting, retention, hot-spots on an embedded Flink
 *       with its web UI), each in its own JVM, started together and awaited;
 *   <li>the simulated cameras sending through the gateway, and the live view of alerts and rates;
 *   <li>the stop, in the reverse order: cameras, jobs, gateway, live view, stack. It runs after the
 *       duration, on {@link #requestStop} (the CLI's shutdown hook calls it on Ctrl-C or SIGTERM),
 *       when a child JVM dies, or when a start fails; it then checks that no process of the demo is
 *       alive and no port of it is listening.
 * </ol>
 */
public final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);

    private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration CHECK_INTERVAL = Duration.ofMillis(500);

    /** Reads per camera per hour of the simulator's defaults, for choosing the period. */
    private static final double READS_PER_CAMERA_HOUR = 40;

    private final DemoSettings settings;
    private final DemoListener listener;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String stopReason = "stop requested";

    private Thread runner;
    private boolean starting;

    private StackPhase stack;
    private Endpoints endpoints;
    private LiveMonitor monitor;
    private GatewayProcess gateway;
    private PipelineProcess pipeline;
    private TrafficFeed feed;
    private RuntimeException failure;

    public DemoRun(DemoSettings settings, DemoListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Runs the demo until the duration has passed or a stop is requested, then stops everything.
     * Blocks throughout.
     *
     * @return how the run ended; {@link #failure()} holds the error of a failed run
     */
    public StopReport run() {
        synchronized (this) {
            runner = Thread.currentThread();
            starting = true;
        }
        String reason;
        try {
            start();
            synchronized (this) {
                starting = false;
            }
            reason = awaitEnd();
        } catch (RuntimeException e) {
            if (stopRequested.getCount() == 0) {
                reason = stopReason + " (while starting)";
            } else {
                failure = e;
                reason = "failed: " + e.getMessage();
            }
        }
        // The shutdown hook waits on `finished` before it ends the JVM, so the count goes down
        // only after the report has been shown.
        try {
            StopReport report = shutdown(reason);
            listener.finished(report);
            return report;
        } finally {
            finished.countDown();
        }
    }

    /**
     * Asks the run to stop; returns at once. A run still starting is interrupted, so a server it is
     * waiting for does not hold the stop back.
     */
    public void requestStop(String reason) {
        synchronized (this) {
            if (stopRequested.getCount() == 0) {
                return;
            }
            stopReason = reason;
            stopRequested.countDown();
            if (starting && runner != null) {
                runner.interrupt();
            }
        }
    }

    /** Waits until the run has stopped everything; true when it did within the timeout. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The error that ended the run, when it failed. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    private boolean stopWanted() {
        return stopRequested.getCount() == 0;
    }

    private void checkStop() {
        if (stopWanted()) {
            throw new DemoStoppedException();
        }
    }

    private void start() {
        listener.step("state folder " + settings.stateDir());
        int orphans =
                ChildJvm.stopOrphans(settings, List.of(GatewayProcess.NAME, PipelineProcess.NAME));
        if (orphans > 0) {
            listener.warning(orphans + " JVM(s) left by an earlier, killed demo were stopped");
        }
        requireDemoPortsFree();
        stack = new StackPhase(settings, listener);
        try {
            endpoints = stack.up(this::stopWanted);
        } catch (InterruptedException e) {
            throw new DemoStoppedException();
        }
        listener.stackReady(endpoints);
        checkStop();

        monitor = LiveMonitor.open(endpoints, listener, settings.statusInterval());
        // The network's sites, cameras and vehicles depend on the seed only, not on the period.
        CameraNetworkSimulator network = TrafficFeed.simulator(settings, Duration.ofDays(1));
        Duration period =
                TrafficFeed.period(settings, network.cameras().size(), READS_PER_CAMERA_HOUR);
        publishFlags(endpoints, network, period);
        checkStop();

        JobStartPosition.readsFromNowOn(endpoints.bootstrapServers(), DemoPipeline.GROUP_ID);
        try {
            gateway = GatewayProcess.launch(settings, endpoints, network.cameras());
            listener.childStarted(GatewayProcess.NAME, gateway.jvm().pid());
            pipeline = PipelineProcess.launch(settings, endpoints);
            listener.childStarted(PipelineProcess.NAME, pipeline.jvm().pid());
        } catch (IOException e) {
            throw new UncheckedIOException("a child JVM could not be launched", e);
        }
        gateway.awaitReady(listener);
        listener.step(
                "gateway answers on "
                        + gateway.url()
                        + " ("
                        + network.cameras().size()
                        + " cameras configured; log "
                        + gateway.jvm().log()
                        + ")");
        pipeline.awaitRunning(listener);
        listener.step(
                "jobs running: "
                        + jobs(endpoints)
                        + "; Flink web UI "
                        + pipeline.webUi()
                        + " (log "
                        + pipeline.jvm().log()
                        + ")");
        checkStop();

        CameraNetworkSimulator simulator = TrafficFeed.simulator(settings, period);
        feed =
                TrafficFeed.start(
                        settings,
                        simulator,
                        gateway.url(),
                        endpoints.bootstrapServers(),
                        endpoints.registryUrl());
        monitor.startPolling();
        listener.trafficStarted();
        listener.step(
                String.format(
                        java.util.Locale.ROOT,
                        "traffic: %.0f reads/s from %d simulated cameras (seed %d, %s format),"
                                + " %d simulated days compressed into the run%s",
                        settings.readsPerSecond(),
                        simulator.cameras().size(),
                        settings.seed(),
                        settings.cameraFormat(),
                        period.toDays(),
                        settings.duration() == null
                                ? "; Ctrl-C stops the demo"
                                : "; stopping after " + settings.duration().toSeconds() + " s"));
    }

    /**
     * Fails before anything starts when the gateway or Flink UI port is taken, typically by a demo
     * already running: the stop that follows a failed start would otherwise stop that demo's stack.
     */
    private void requireDemoPortsFree() {
        for (int port : List.of(settings.gatewayPort(), settings.flinkUiPort())) {
            if (!Ports.isFree(port)) {
                throw new DemoStartException(
                        "port "
                                + port
                                + " is in use (is another demo running?); nothing was started."
                                + " Choose other ports with --gateway-port and --flink-ui-port");
            }
        }
    }

    private void publishFlags(
            Endpoints endpoints, CameraNetworkSimulator network, Duration period) {
        Instant now = Instant.now();
        var flags =
                DemoFlags.flags(
                        settings.seed(),
                        network.population(),
                        network.sites(),
                        settings.flaggedRegulars(),
                        now.minus(period).minus(Duration.ofDays(2)),
                        now);
        int written =
                DemoFlags.publish(endpoints.bootstrapServers(), endpoints.registryUrl(), flags);
        listener.step(
                written
                        + " flags written to the hotlist ("
                        + network.population().offenders().size()
                        + " offenders, "
                        + (written - network.population().offenders().size())
                        + " regulars of the sites)");
    }

    private static String jobs(Endpoints endpoints) {
        List<String> jobs = new ArrayList<>(List.of("alerting"));
        endpoints.cassandraContactPoint().ifPresent(c -> jobs.add("retention (Cassandra)"));
        endpoints.elasticsearchUrl().ifPresent(e -> jobs.add("hot-spots (Elasticsearch)"));
        return String.join(", ", jobs);
    }

    /** Waits for the end of the run; returns why it ended. */
    private String awaitEnd() {
        long deadline =
                settings.duration() == null
                        ? Long.MAX_VALUE
                        : System.nanoTime() + settings.duration().toNanos();
        boolean periodReported = false;
        while (true) {
            try {
                if (stopRequested.await(CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    return stopReason;
                }
            } catch (InterruptedException e) {
                // A stop that came just as the start finished interrupts this wait.
                Thread.currentThread().interrupt();
                return stopWanted() ? stopReason : "interrupted";
            }
            if (System.nanoTime() >= deadline) {
                return "duration of " + settings.duration().toSeconds() + " s reached";
            }
            for (ChildJvm child : List.of(gateway.jvm(), pipeline.jvm())) {
                if (!child.isAlive()) {
                    failure = new DemoStartException(child.exitDescription());
                    return child.name() + " exited unexpectedly";
                }
            }
            if (!periodReported && feed.periodOver()) {
                periodReported = true;
                listener.warning("the simulated period is over: no more traffic is sent");
            }
        }
    }

    /** Stops every part that was started, in reverse order, and checks what is left. */
    private StopReport shutdown(String reason) {
        // A stop that arrived during the start interrupted this thread; the waits below need the
        // flag cleared, or they would give up at once and kill instead of waiting.
        Thread.interrupted();
        long began = System.nanoTime();
        listener.step("stopping: " + reason);
        List<Integer> ports = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        Optional<TargetReport> traffic = Optional.empty();
        long alertsSeen = 0;

        if (feed != null) {
            traffic = attempt("simulated cameras", feed::stop).flatMap(r -> r);
        }
        if (pipeline != null) {
            pids.add(pipeline.jvm().pid());
            ports.add(settings.flinkUiPort());
            attempt("jobs", () -> pipeline.stop(CHILD_STOP_GRACE));
        }
        if (gateway != null) {
            pids.add(gateway.jvm().pid());
            ports.add(settings.gatewayPort());
            attempt("gateway", () -> gateway.jvm().stop(CHILD_STOP_GRACE));
        }
        if (monitor != null) {
            alertsSeen = monitor.totalAlerts();
            attempt(
                    "live view",
                    () -> {
                        monitor.close();
                        return true;
                    });
        }
        Map<String, Long> stored = Map.of();
        if (endpoints != null && pipeline != null) {
            stored = StoredCounts.count(endpoints, stack::cassandraSession);
        }
        // Without a stack there is nothing to stop; with --keep-stack it is left running.
        boolean stackStopped = stack == null;
        if (stack != null && !settings.keepStack()) {
            stack.ports().values().forEach(ports::addAll);
            pids.addAll(stack.pids());
            stackStopped =
                    attempt(
                                    "stack",
                                    () -> {
                                        stack.down();
                                        return true;
                                    })
                            .isPresent();
        } else if (stack != null) {
            listener.step("the stack keeps running (--keep-stack); stop it with ./platewatch down");
        }

        if (stackStopped) {
            // A server launched by the start while the stop ran is recorded too.
            pids.addAll(stack.pids());
        }
        List<Long> alive = pids.stream().distinct().filter(DemoRun::isAlive).toList();
        List<Integer> busy = ports.stream().distinct().filter(port -> !Ports.isFree(port)).toList();
        return new StopReport(
                reason,
                traffic,
                alertsSeen,
                stored,
                stackStopped,
                alive,
                busy,
                (System.nanoTime() - began) / 1e9);
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Runs one stop step; a failing step is reported and the next steps still run. */
    private <T> Optional<T> attempt(String part, StopStep<T> step) {
        try {
            T result = step.run();
            listener.step(part + " stopped");
            return Optional.ofNullable(result);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Stopping {} failed", part, e);
            listener.warning("stopping " + part + " failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** One step of the stop. */
    private interface StopStep<T> {
        T run() throws Exception;
    }
}
