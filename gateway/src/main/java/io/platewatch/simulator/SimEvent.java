package io.platewatch.simulator;

import java.time.Instant;

/** Something the simulated network sends: a read or an incident report. */
public sealed interface SimEvent permits SimulatedRead, SimulatedIncident {

    /** When the event leaves its source; events come out of the simulator in this order. */
    Instant emittedAt();
}
