package io.platewatch.demo;

import io.platewatch.infra.ConsoleProgress;
import io.platewatch.simulator.TargetReport;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The demo's terminal: one line per step with the seconds since the command began, one line per
 * alert, and a status line every few seconds. Plain lines, never redrawn, so the output reads the
 * same in a terminal, a CI log or a file. This is the CLI's output layer, the only place that
 * prints.
 */
final class ConsoleReport extends ConsoleProgress implements DemoListener {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ZoneId zone;
    private long trafficStartedNanos;
    private boolean firstAlertShown;

    ConsoleReport(PrintWriter out, ZoneId zone) {
        super(out);
        this.zone = zone;
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
        plain(
                String.format(
                        Locale.ROOT,
                        "  ALERT %s  %-10s %-22s %-16s %-14s %-6s %s",
                        LocalTime.ofInstant(alert.emittedAt(), zone).format(CLOCK),
                        alert.matchKind(),
                        alert.siteId(),
                        alert.flagCategory(),
                        alert.audienceLevel(),
                        alert.maskedPlate(),
                        latency(alert)));
    }

    @Override
    public synchronized void deadLetter(String errorKind, String stage, String reason) {
        plain(String.format(Locale.ROOT, "  DEAD LETTER %s at %s: %s", errorKind, stage, reason));
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
