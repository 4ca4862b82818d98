package io.platewatch.hotspots;

import io.platewatch.schemas.Alert;
import io.platewatch.schemas.Audience;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.MatchKind;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A simulated day in a city: cameras on a 12 x 12 lattice (about 1 km apart) reading plates every
 * hour, a thin background of incidents, and a planted cluster of incidents and flagged sightings in
 * one cell and its neighbours from 17:00 to 20:00. Every plate, read id, camera id, site and
 * organisation it generates is remembered, so a test can prove none of them was published.
 */
final class SimulatedDay {

    static final double CENTRE_LAT = -36.85;
    static final double CENTRE_LON = 174.76;

    final Instant day;
    final long clusterCell;
    final Set<Long> clusterCells;
    final List<Incident> incidents = new ArrayList<>();
    final List<Alert> alerts = new ArrayList<>();
    final List<PlateRead> reads = new ArrayList<>();

    /**
     * Every identifying string that went in: plates, read ids, camera ids, sites, organisations.
     */
    final Set<String> identifiers = new LinkedHashSet<>();

    private final CellGrid grid = new CellGrid(8);
    private final Random random = new Random(42);
    private int sequence;

    SimulatedDay(Instant day) {
        this.day = day;
        this.clusterCell = grid.cellOf(CENTRE_LAT, CENTRE_LON);
        this.clusterCells = Set.copyOf(grid.neighbourhood(clusterCell));
        for (int hour = 0; hour < 24; hour++) {
            backgroundHour(hour);
        }
        for (int hour = 17; hour < 20; hour++) {
            clusterHour(hour);
        }
        incidents.add(incident(null, at(12, 0), IncidentCategory.THEFT)); // no position
        alerts.add(alert(CENTRE_LAT, CENTRE_LON, at(18, 30), true)); // historical: not counted
        // Each source delivers in event-time order, as a camera network would (within seconds).
        incidents.sort(Comparator.comparing(Incident::getOccurredAt));
        alerts.sort(Comparator.comparing(Alert::getCapturedAt));
        reads.sort(Comparator.comparing(PlateRead::getCapturedAt));
    }

    private void backgroundHour(int hour) {
        for (int row = 0; row < 12; row++) {
            for (int column = 0; column < 12; column++) {
                double lat = CENTRE_LAT - 0.06 + row * 0.01;
                double lon = CENTRE_LON - 0.06 + column * 0.01;
                for (int i = 0; i < 3; i++) {
                    reads.add(read(lat, lon, at(hour, 5 + 15 * i), "cam-" + row + "-" + column));
                }
                // The planted cluster's cells get only the planted incidents, so the test knows
                // them.
                boolean inCluster = clusterCells.contains(grid.cellOf(lat, lon));
                if (random.nextDouble() < 0.05 && !inCluster) {
                    incidents.add(
                            incident(
                                    new GeoPoint(lat, lon),
                                    at(hour, random.nextInt(60)),
                                    random.nextBoolean()
                                            ? IncidentCategory.THEFT
                                            : IncidentCategory.OTHER));
                }
            }
        }
    }

    private void clusterHour(int hour) {
        for (long cell : grid.neighbourhood(clusterCell)) {
            var centre = grid.centre(cell);
            boolean core = cell == clusterCell;
            for (int i = 0; i < (core ? 10 : 3); i++) {
                IncidentCategory category =
                        core && i < 4 ? IncidentCategory.FUEL_DRIVE_OFF : IncidentCategory.THEFT;
                incidents.add(
                        incident(
                                new GeoPoint(centre.lat, centre.lng),
                                at(hour, 3 + 5 * i),
                                category));
            }
            for (int i = 0; i < 3; i++) {
                reads.add(read(centre.lat, centre.lng, at(hour, 10 + 15 * i), "cam-cluster"));
            }
        }
        for (int i = 0; i < 10; i++) {
            alerts.add(alert(CENTRE_LAT, CENTRE_LON, at(hour, 2 + 5 * i), false));
        }
    }

    Instant at(int hour, int minute) {
        return day.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    private PlateRead read(double lat, double lon, Instant at, String camera) {
        String readId = "read-" + (++sequence);
        String plate = "ZQ" + sequence + "X";
        remember(readId, plate, camera, "site-" + camera, "org-cameras");
        return PlateRead.newBuilder()
                .setReadId(readId)
                .setCameraId(camera)
                .setSiteId("site-" + camera)
                .setOrganisationId("org-cameras")
                .setCapturedAt(at)
                .setReceivedAt(at.plusSeconds(2))
                .setPlate(plate)
                .setConfidence(0.9f)
                .setPosition(new GeoPoint(lat, lon))
                .build();
    }

    private Incident incident(GeoPoint position, Instant at, IncidentCategory category) {
        String id = "incident-" + (++sequence);
        String plate = "PLANTED" + sequence;
        remember(id, plate, "site-shop-" + sequence, "org-retail-" + (sequence % 3));
        return Incident.newBuilder()
                .setIncidentId(id)
                .setOrganisationId("org-retail-" + (sequence % 3))
                .setSiteId("site-shop-" + sequence)
                .setOccurredAt(at)
                .setReportedAt(at.plusSeconds(600))
                .setCategory(category)
                .setValueCents(2_000L + random.nextInt(10_000))
                .setCurrency("NZD")
                .setPosition(position)
                .setVehicles(List.of(new IncidentVehicle(plate, "NZ")))
                .setSharing(new SharingScope(SharingLevel.ALL_PARTNERS, List.of()))
                .build();
    }

    private Alert alert(double lat, double lon, Instant at, boolean historical) {
        String readId = "planted-read-" + (++sequence);
        String plate = "FLAGGED" + sequence;
        remember(readId, plate, "planted-cam-1", "alert-" + sequence, "flag-" + sequence);
        return Alert.newBuilder()
                .setAlertId("alert-" + sequence)
                .setReadId(readId)
                .setCameraId("planted-cam-1")
                .setSiteId("site-planted-cam-1")
                .setSiteOrganisationId("org-cameras")
                .setPlate(plate)
                .setPosition(new GeoPoint(lat, lon))
                .setFlagId("flag-" + sequence)
                .setFlagCategory(FlagCategory.STOLEN)
                .setFlagOwnerOrganisationId("org-police")
                .setMatchKind(MatchKind.EXACT)
                .setHistorical(historical)
                .setAudience(
                        new Audience(SharingLevel.POLICE_ONLY, List.of("org-police"), List.of()))
                .setPriority(Priority.HIGH)
                .setCapturedAt(at)
                .setIngestedAt(at.plusSeconds(1))
                .setEmittedAt(at.plusSeconds(2))
                .build();
    }

    private void remember(String... values) {
        identifiers.addAll(List.of(values));
    }
}
