package io.platewatch.infra.stack;

import java.time.Duration;
import java.util.Map;

/**
 * Progress of the stack while servers start and stop. The CLI prints these as lines; tests record
 * them (for instance to learn the pids of what was started).
 */
public interface StackListener {

    /** A listener that ignores every event. */
    StackListener NONE = new StackListener() {};

    default void starting(String server, Map<String, Integer> ports) {}

    default void started(String server, long pid) {}

    /** Called repeatedly while the readiness probe fails. */
    default void stillWaiting(String server, Duration elapsed) {}

    default void ready(String server, Duration sinceStart) {}

    default void alreadyRunning(String server, long pid) {}

    /** A provisioning step finished, for instance "8 topics". */
    default void provisioned(String server, String summary) {}

    default void stopping(String server, long pid) {}

    default void stopped(String server, Duration took) {}
}
