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
 * log or a file. Commands that print more than the stack's steps (the demo) extend it and use
 * {@link #line} for their own lines, so every line has the same shape.
 */
public class ConsoleProgress implements StackListener {

    /** How often a line says that a server is still starting. */
    private static final Duration WAIT_REPORT_INTERVAL = Duration.ofSeconds(10);

    private final PrintWriter out;
    private final long beganNanos = System.nanoTime();
    private long lastWaitReport;

    public ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    /** Prints one line, stamped with the seconds since the command began. */
    public synchronized void line(String text) {
        out.printf(Locale.ROOT, "[%6.1fs] %s%n", elapsedSeconds(), text);
        out.flush();
    }

    /** Prints one line as it is, without the time stamp (an item under a stamped line). */
    public synchronized void plain(String text) {
        out.println(text);
        out.flush();
    }

    /** Seconds since the command began. */
    public double elapsedSeconds() {
        return (System.nanoTime() - beganNanos) / 1e9;
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
}
