package io.platewatch.infra.stack;

import java.util.Map;

/**
 * One server of the local stack, run as a child process on loopback. The stack drives every server
 * through the same steps: start, wait until it answers (bounded), provision what the project
 * declares on it, and stop. Implementations keep their state under one folder of the stack's state
 * folder so that a later launcher invocation can stop or inspect a server it did not start.
 */
public interface ManagedServer {

    /** Short lower-case name, also the name of its folder under the state folder. */
    String name();

    /** The ports it listens on, by role ("client", "http", ...), first the one clients use. */
    Map<String, Integer> ports();

    /**
     * What a client connects to, such as a bootstrap address or a base URL; by default {@code
     * host:port} of the first port.
     */
    default String endpoint() {
        return io.platewatch.infra.process.Ports.HOST + ":" + ports().values().iterator().next();
    }

    /**
     * Launches the server process and returns without waiting for it to answer.
     *
     * @throws ServerStartException when a port is taken or the process cannot be launched
     */
    void start(StackListener listener);

    /**
     * Blocks until the server answers, at most its configured readiness timeout.
     *
     * @throws ServerStartException when the process exits first or the timeout passes; the message
     *     carries the tail of the server's log
     */
    void awaitReady(StackListener listener);

    /**
     * Creates what the project declares on this server (topics, keyspaces, indices). Must be
     * idempotent: it runs again on every {@code up}, also against a server that was already up.
     */
    default void provision(StackListener listener) {}

    /** Stops the server and its descendants; does nothing when it is not running. */
    void stop(StackListener listener);

    /** Whether the server process runs and answers, with its pid and ports. */
    ServerStatus status();

    /** True when the recorded server process is alive (whether or not it answers yet). */
    boolean isRunning();
}
