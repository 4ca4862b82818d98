package io.platewatch.alerting;

import io.platewatch.schemas.ErrorKind;
import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.VehicleFlag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns each vehicle named in an incident into a flag: category INCIDENT_LINKED, owned by the
 * reporting organisation, shared as the incident is, valid from the report time for the configured
 * lifetime. The flag id is derived from incident id, normalised plate and region, so an incident
 * sent twice updates its flags instead of doubling them. A vehicle whose plate cannot be a plate is
 * rejected to dead letters on its own; the incident's other vehicles still become flags.
 */
public class IncidentFlags extends ProcessFunction<Incident, VehicleFlag> {

    static final String STAGE = "alerting/incident-flags";
    static final String CREATED_BY = "platewatch-alerting";

    private final PlateNormaliser normaliser;
    private final Duration lifetime;
    private final Priority priority;
    private final String sourceTopic;
    private final Clock clock;

    private transient Counter deadLetters;

    public IncidentFlags(AlertingConfig config, Clock clock) {
        this.normaliser =
                new PlateNormaliser(config.maxPlateLength(), config.minWildcardKnownCharacters());
        this.lifetime = config.incidentFlagLifetime();
        this.priority = config.incidentFlagPriority();
        this.sourceTopic = config.incidentsTopic();
        this.clock = clock;
    }

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter(AlertingMetrics.DEAD_LETTERS);
    }

    @Override
    public void processElement(Incident incident, Context ctx, Collector<VehicleFlag> out) {
        for (IncidentVehicle vehicle : incident.getVehicles()) {
            PlateNormaliser.Result plate =
                    PlateNormaliser.isPattern(vehicle.getPlate())
                            ? normaliser.normalisePattern(vehicle.getPlate())
                            : normaliser.normalise(vehicle.getPlate());
            if (!plate.isValid()) {
                deadLetters.inc();
                ctx.output(
                        AlertingDeadLetters.TAG,
                        AlertingDeadLetters.rejected(
                                sourceTopic,
                                incident,
                                ErrorKind.INVALID_PLATE,
                                "incident vehicle rejected: " + plate.rejection(),
                                STAGE,
                                clock.millis()));
                continue;
            }
            out.collect(flagFor(incident, plate.plate(), vehicle.getRegion()));
        }
    }

    VehicleFlag flagFor(Incident incident, String plate, String rawRegion) {
        String region = PlateNormaliser.normaliseRegion(rawRegion);
        Instant reportedAt = incident.getReportedAt();
        return VehicleFlag.newBuilder()
                .setFlagId(AlertIds.incidentFlagId(incident.getIncidentId(), plate, region))
                .setAction(FlagAction.ADD)
                .setPlate(plate)
                .setRegion(region)
                .setCategory(FlagCategory.INCIDENT_LINKED)
                .setReason("vehicle named in a " + incident.getCategory() + " incident")
                .setOwnerOrganisationId(incident.getOrganisationId())
                .setIncidentId(incident.getIncidentId())
                .setPriority(priority)
                .setValidFrom(reportedAt)
                .setExpiresAt(reportedAt.plus(lifetime))
                .setSharing(incident.getSharing())
                .setCovert(false)
                .setCreatedBy(CREATED_BY)
                .setJustification("incident " + incident.getIncidentId())
                .setUpdatedAt(reportedAt)
                .build();
    }
}
