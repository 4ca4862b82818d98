package io.platewatch.demo;

import io.platewatch.infra.stack.StackListener;

/**
 * What a demo run reports as it goes: the stack's own progress (inherited), the demo's steps, every
 * alert and a status every few seconds. The terminal prints these; the smoke test records them.
 */
public interface DemoListener extends StackListener {

    /** A step of the run, for instance "gateway answers on port 8088". */
    default void step(String text) {}

    /** Something the demo goes on without, for instance a server that did not start. */
    default void warning(String text) {}

    /** Kafka and the registry answer; optional servers are up or reported missing. */
    default void stackReady(Endpoints endpoints) {}

    /** A child JVM of the demo (gateway, pipeline) was launched. */
    default void childStarted(String name, long pid) {}

    /** The simulated cameras started sending; the duration counts from here. */
    default void trafficStarted() {}

    /** One alert read back from the alerts topic. */
    default void alert(AlertView alert) {}

    /** A record rejected to the dead-letter topic: its error kind, the stage and the reason. */
    default void deadLetter(String errorKind, String stage, String reason) {}

    /** Throughput and latency over the last status interval. */
    default void status(IntervalReport report) {}

    /** The run stopped; what was stopped and whether anything is left. */
    default void finished(StopReport report) {}
}
