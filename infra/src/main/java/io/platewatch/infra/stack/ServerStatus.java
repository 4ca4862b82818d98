package io.platewatch.infra.stack;

import java.util.Map;
import java.util.OptionalLong;

/** A snapshot of one server: its process, its ports and whether it answers. */
public record ServerStatus(String name, OptionalLong pid, Map<String, Integer> ports, State state) {

    /** Life-cycle state as seen from outside the process. */
    public enum State {
        /** No live process is recorded for this server. */
        STOPPED,
        /** The process runs but its readiness probe fails (starting, stuck or shutting down). */
        NOT_ANSWERING,
        /** The process runs and answers its readiness probe. */
        ANSWERING
    }

    public ServerStatus {
        ports = Map.copyOf(ports);
    }
}
