package io.platewatch.simulator;

import io.platewatch.schemas.Incident;
import java.time.Instant;

/** An incident a site reports, naming the offender vehicle involved. */
public record SimulatedIncident(Incident incident, Instant emittedAt) implements SimEvent {}
