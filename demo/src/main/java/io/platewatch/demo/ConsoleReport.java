package io.platewatch.demo;

import io.platewatch.simulator.TargetReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The demo's terminal: one line per step with the seconds since the command began, one line per
 * alert, and a status line every few seconds. Plain lines, never redrawn, so the output reads the
 * same in a terminal, a CI log or a file. This is the CLI's output layer, the only place that
 * prints.
 */
final class ConsoleReport implements DemoListener {

    private static final Duration WAIT_REPORT_INTERVAL = Duration.ofSeconds(10);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final PrintWriter out;
    private final ZoneId zone;
    private final long beganNanos = System.nanoTime();
    private long lastWaitReport;
    private long trafficStartedNanos;
    private boolean firstAlertShown;

    ConsoleReport(PrintWriter out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
    }

    private synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", seconds(beganNanos), text);
        out.flush();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    @Override
    public void step(String text) {
        line(text);
    }

    @Override
    public void warning(String text) {
        line("WARNING " + text);
    }

    @Override
    public void starting(String server, Map<String, Integer> ports) {
        lastWaitReport = 0;
        line(
                String.format(
                        Locale.ROOT,
                        "%-13s starting on 127.0.0.1 (%s)",
                        server,
                        ports.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining(", "))));
    }

    @Override
    public void started(String server, long pid) {
        line(
                String.format(
                        Locale.ROOT,
                        "%-13s launched as pid %d, waiting until it answers",
                        server,
                        pid));
    }

    @Override
    public void stillWaiting(String server, Duration elapsed) {
        long reports = elapsed.toMillis() / WAIT_REPORT_INTERVAL.toMillis();
        if (reports > lastWaitReport) {
            lastWaitReport = reports;
            line(
                    String.format(
                            Locale.ROOT,
                            "%-13s still starting (%d s)",
                            server,
                            elapsed.toSeconds()));
        }
    }

    @Override
    public void ready(String server, Duration sinceStart) {
        line(
                String.format(
                        Locale.ROOT,
                        "%-13s answers (%.1f s after launch)",
                        server,
                        sinceStart.toMillis() / 1000.0));
    }

    @Override
    public void alreadyRunning(String server, long pid) {
        lastWaitReport = 0;
        line(String.format(Locale.ROOT, "%-13s already running as pid %d", server, pid));
    }

    @Override
    public void provisioned(String server, String summary) {
        line(String.format(Locale.ROOT, "%-13s %s", server, summary));
    }

    @Override
    public void stopping(String server, long pid) {
        line(String.format(Locale.ROOT, "%-13s stopping pid %d", server, pid));
    }

    @Override
    public void stopped(String server, Duration took) {
        line(
                String.format(
                        Locale.ROOT, "%-13s stopped (%.1f s)", server, took.toMillis() / 1000.0));
    }

    @Override
    public void stackReady(Endpoints endpoints) {
        line(
                "stack is up: kafka "
                        + endpoints.bootstrapServers()
                        + ", registry "
                        + endpoints.registryUrl());
        line(
                "  cassandra "
                        + endpoints.cassandraContactPoint().orElse("not running (no retention job)")
                        + ", elasticsearch "
                        + endpoints.elasticsearchUrl().orElse("not running (no hot-spot job)"));
    }

    @Override
    public void childStarted(String name, long pid) {
        line(String.format(Locale.ROOT, "%-13s launched as pid %d", name, pid));
    }

    @Override
    public void trafficStarted() {
        trafficStartedNanos = System.nanoTime();
        line(
                "live alerts (time, match, site, flag, audience, plate masked, read-to-alert"
                        + " latency):");
    }

    @Override
    public synchronized void alert(AlertView alert) {
        if (!firstAlertShown) {
            firstAlertShown = true;
            line(
                    String.format(
                            Locale.ROOT,
                            "first alert %.1f s after the traffic started",
                            seconds(trafficStartedNanos)));
        }
        out.printf(
                Locale.ROOT,
                "  ALERT %s  %-10s %-22s %-16s %-14s %-6s %s%n",
                LocalTime.ofInstant(alert.emittedAt(), zone).format(CLOCK),
                alert.matchKind(),
                alert.siteId(),
                alert.flagCategory(),
                alert.audienceLevel(),
                alert.maskedPlate(),
                latency(alert));
        out.flush();
    }

    @Override
    public synchronized void deadLetter(String errorKind, String stage, String reason) {
        out.printf(Locale.ROOT, "  DEAD LETTER %s at %s: %s%n", errorKind, stage, reason);
        out.flush();
    }

    @Override
    public void status(IntervalReport r) {
        line(
                String.format(
                        Locale.ROOT,
                        "status: reads in %.0f/s | alerts %.1f/s (%d total) | latency p50 %s,"
                                + " p99 %s | dead letters %d (%d total)",
                        r.readsPerSecond(),
                        r.alertsPerSecond(),
                        r.totalAlerts(),
                        millis(r.latencyP50Millis()),
                        millis(r.latencyP99Millis()),
                        r.deadLetters(),
                        r.totalDeadLetters()));
    }

    @Override
    public void finished(StopReport report) {
        line(String.format(Locale.ROOT, "stopped in %.1f s", report.seconds()));
        report.traffic().ifPresent(this::traffic);
        line("alerts shown: " + report.alertsSeen());
        if (!report.stored().isEmpty()) {
            line(
                    "stored (earlier runs included): "
                            + report.stored().entrySet().stream()
                                    .map(e -> e.getValue() + " " + e.getKey())
                                    .collect(Collectors.joining(", ")));
        }
        if (report.clean()) {
            line(
                    report.stackStopped()
                            ? "nothing of the demo is left running: every process is gone, every"
                                    + " port is free"
                            : "the demo's own processes are gone; the stack still runs");
        } else {
            line(
                    "WARNING still alive: pids "
                            + report.livePids()
                            + ", ports in use "
                            + report.busyPorts()
                            + " (./platewatch down stops the stack's servers)");
        }
    }

    private void traffic(TargetReport t) {
        line(
                String.format(
                        Locale.ROOT,
                        "cameras sent %d reads, the gateway accepted %d (answers %s; ack p50 %.0f"
                                + " ms, p99 %.0f ms); %d incidents reported",
                        t.readsSent(),
                        t.readsAccepted(),
                        t.statusCounts(),
                        t.latencyP50Millis(),
                        t.latencyP99Millis(),
                        t.incidentsSent()));
    }

    private static String latency(AlertView alert) {
        if (alert.historical()) {
            return "historical (read stored before the flag)";
        }
        if (alert.replayed()) {
            return "replayed (read from an earlier run)";
        }
        return String.format(Locale.ROOT, "%5d ms", alert.latencyMillis());
    }

    private static String millis(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() + " ms" : "-";
    }
}
