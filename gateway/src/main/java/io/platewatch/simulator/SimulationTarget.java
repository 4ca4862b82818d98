package io.platewatch.simulator;

/**
 * Where simulated events go: the gateway over HTTP, Kafka directly, or a file. Calls may block to
 * hold the sender back; {@link #finish} waits for everything in flight.
 */
public interface SimulationTarget extends AutoCloseable {

    void read(SimulatedRead read);

    void incident(SimulatedIncident incident);

    /** Waits for every event in flight and reports what happened to them. */
    TargetReport finish();

    @Override
    default void close() {}
}
