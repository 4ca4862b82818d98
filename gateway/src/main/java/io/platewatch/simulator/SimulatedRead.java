package io.platewatch.simulator;

import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleDescription;
import java.time.Instant;
import java.util.List;

/**
 * One read the simulated network makes, with the truth behind it for checking.
 *
 * @param readId id unique within the simulation
 * @param capturedAt when the camera saw the vehicle
 * @param emittedAt when the camera sends it: a second or two later, or at the end of an outage
 * @param plate the plate text as read, possibly a misread
 * @param vehicle the vehicle really seen
 * @param misread whether the plate text differs from the real plate
 * @param backlog whether the read waited out a camera outage
 */
public record SimulatedRead(
        String readId,
        SimCamera camera,
        Instant capturedAt,
        Instant emittedAt,
        String plate,
        float confidence,
        List<PlateCandidate> candidates,
        Vehicle vehicle,
        TravelDirection direction,
        float headingDegrees,
        boolean misread,
        boolean backlog)
        implements SimEvent {

    /** The read as the gateway would publish it, received at {@code receivedAt}. */
    public PlateRead toPlateRead(Instant receivedAt) {
        return PlateRead.newBuilder()
                .setReadId(readId)
                .setCameraId(camera.id())
                .setSiteId(camera.siteId())
                .setOrganisationId(camera.organisationId())
                .setCapturedAt(capturedAt)
                .setReceivedAt(receivedAt)
                .setPlate(plate)
                .setRegion(vehicle.region())
                .setConfidence(confidence)
                .setCandidates(candidates)
                .setPosition(new GeoPoint(camera.lat(), camera.lon()))
                .setDirection(direction)
                .setHeadingDegrees(headingDegrees)
                .setVehicle(
                        new VehicleDescription(
                                vehicle.make(), vehicle.model(), vehicle.colour(), vehicle.type()))
                .setImageUri(null)
                .build();
    }
}
