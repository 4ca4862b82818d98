package io.platewatch.infra;

import io.platewatch.infra.stack.StackListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the stack's progress as one line per step with the seconds elapsed since the command
 * began. Plain lines rather than a redrawn bar, so the output reads the same in a terminal, a CI
 * log or a file.
 */
final class ConsoleProgress implements StackListener {

    /** How often a line says that a server is still starting. */
    private static final Duration WAIT_REPORT_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final long beganNanos = System.nanoTime();
    private long lastWaitReport;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    void line(String text) {
        double elapsed = (System.nanoTime() - beganNanos) / 1e9;
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsed, text);
        out.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - beganNanos) / 1e9;
    }

    @Override
    public void starting(String server, Map<String, Integer> ports) {
        lastWaitReport = 0;
        line(
                String.format(
                        Locale.ROOT,
                        "%-9s starting on 127.0.0.1 (%s)",
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
                        "%-9s launched as pid %d, waiting until it answers",
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
                            "%-9s still starting (%d s)",
                            server,
                            elapsed.toSeconds()));
        }
    }

    @Override
    public void ready(String server, Duration sinceStart) {
        line(
                String.format(
                        Locale.ROOT,
                        "%-9s answers (%.1f s after launch)",
                        server,
                        sinceStart.toMillis() / 1000.0));
    }

    @Override
    public void alreadyRunning(String server, long pid) {
        lastWaitReport = 0;
        line(String.format(Locale.ROOT, "%-9s already running as pid %d", server, pid));
    }

    @Override
    public void provisioned(String server, String summary) {
        line(String.format(Locale.ROOT, "%-9s %s", server, summary));
    }

    @Override
    public void stopping(String server, long pid) {
        line(String.format(Locale.ROOT, "%-9s stopping pid %d", server, pid));
    }

    @Override
    public void stopped(String server, Duration took) {
        line(String.format(Locale.ROOT, "%-9s stopped (%.1f s)", server, took.toMillis() / 1000.0));
    }
}
