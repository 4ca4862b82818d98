package io.platewatch.infra.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a process and everything it spawned: SIGTERM first so the server can flush and release its
 * ports, then SIGKILL once the grace period has passed.
 */
public final class ProcessStopper {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessStopper.class);

    /** How long a process gets to die after SIGKILL before we report it as stuck. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private ProcessStopper() {}

    /**
     * Stops {@code process} and its descendants. Returns true when all of them are gone. The
     * descendants are listed before the parent is signalled, because once the parent is gone they
     * are re-parented and no longer show up as its descendants.
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean parentGone = terminate(process, grace);
        boolean childrenGone = true;
        for (ProcessHandle child : descendants) {
            childrenGone &= terminate(child, Duration.ofSeconds(5));
        }
        return parentGone && childrenGone;
    }

    private static boolean terminate(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (awaitExit(process, grace)) {
            return true;
        }
        LOG.warn(
                "Process {} ignored SIGTERM for {} s, killing it",
                process.pid(),
                grace.toSeconds());
        process.destroyForcibly();
        return awaitExit(process, KILL_WAIT);
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
