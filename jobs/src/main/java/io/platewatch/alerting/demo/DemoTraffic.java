package io.platewatch.alerting.demo;

import io.platewatch.schemas.FlagAction;
import io.platewatch.schemas.FlagCategory;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.Priority;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleFlag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic demo traffic: a fixed population of vehicles and cameras drawn from a seed, a few
 * flags on some of those vehicles, one incident and one wildcard flag, then reads. The same seed
 * gives the same vehicles, flags and sequence of reads; only capture times follow the clock.
 *
 * <p>Reads imitate a camera network: most plates read cleanly, some with one OCR look-alike misread
 * (so LOOK_ALIKE alerts appear), some with alternative readings, a few with an unknown region and a
 * few that cannot be a plate at all (dead letters).
 */
public final class DemoTraffic {

    /** Letters on NZ-style plates: I, O and Q are not issued. */
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private static final String[][] LOOK_ALIKES = {{"0", "O"}, {"1", "I"}, {"8", "B"}, {"5", "S"}};

    /** One camera of the demo network. */
    public record Camera(
            String cameraId, String siteId, String organisationId, double lat, double lon) {}

    private final long seed;
    private final SplittableRandom random;
    private final List<String> vehicles;
    private final List<Camera> cameras;
    private final List<String> flagged;

    /** Vehicles of interest: the flagged ones and the incident's, seen at the flagged share. */
    private final List<String> ofInterest;

    private final double flaggedShare;
    private long sequence;

    /**
     * @param seed seed of everything the generator draws
     * @param vehicleCount size of the vehicle population
     * @param cameraCount number of cameras, spread over cameraCount / 2 sites
     * @param flaggedCount vehicles that get a flag
     * @param flaggedShare share of reads that show a flagged vehicle, 0 to 1
     */
    public DemoTraffic(
            long seed, int vehicleCount, int cameraCount, int flaggedCount, double flaggedShare) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.vehicles = new ArrayList<>(vehicleCount);
        for (int i = 0; i < vehicleCount; i++) {
            vehicles.add(plate());
        }
        this.cameras = new ArrayList<>(cameraCount);
        for (int i = 0; i < cameraCount; i++) {
            int site = i / 2;
            cameras.add(
                    new Camera(
                            "demo-cam-" + i,
                            "demo-site-" + site,
                            "demo-org-" + (site % 4),
                            -36.85 + random.nextDouble(-0.1, 0.1),
                            174.76 + random.nextDouble(-0.1, 0.1)));
        }
        this.flagged = new ArrayList<>(vehicles.subList(0, Math.min(flaggedCount, vehicleCount)));
        this.ofInterest = new ArrayList<>(flagged);
        ofInterest.add(incidentVehicle());
        this.flaggedShare = flaggedShare;
    }

    /** Flags on the flagged vehicles (one covert), plus one wildcard flag. */
    public List<VehicleFlag> flags(Instant now) {
        List<VehicleFlag> flags = new ArrayList<>();
        for (int i = 0; i < flagged.size(); i++) {
            flags.add(
                    flag(
                            "demo-flag-" + seed + "-" + i,
                            flagged.get(i),
                            i % 3 == 0 ? FlagCategory.STOLEN : FlagCategory.POLICE_INTEREST,
                            i == 1,
                            now));
        }
        // A partly known plate: the first flagged vehicle's letters, any digits.
        String pattern = flagged.isEmpty() ? "ZZZ*" : flagged.get(0).substring(0, 3) + "*";
        flags.add(flag("demo-flag-" + seed + "-wildcard", pattern, FlagCategory.OTHER, false, now));
        return flags;
    }

    /** One fuel drive-off naming a vehicle of the population that has no flag of its own. */
    public Incident incident(Instant now) {
        String plate = incidentVehicle();
        return Incident.newBuilder()
                .setIncidentId("demo-incident-" + seed)
                .setOrganisationId("demo-org-fuel")
                .setSiteId(cameras.get(0).siteId())
                .setOccurredAt(now.minus(Duration.ofMinutes(30)))
                .setReportedAt(now.minus(Duration.ofMinutes(20)))
                .setCategory(IncidentCategory.FUEL_DRIVE_OFF)
                .setValueCents(9_500L)
                .setCurrency("NZD")
                .setPosition(null)
                .setVehicles(List.of(new IncidentVehicle(plate, "NZ")))
                .setSharing(new SharingScope(SharingLevel.SHARING_GROUPS, List.of("fuel-retail")))
                .build();
    }

    /** The next read, captured now. */
    public PlateRead nextRead(Instant now) {
        long n = sequence++;
        boolean showsFlagged = random.nextDouble() < flaggedShare;
        String plate =
                showsFlagged
                        ? ofInterest.get(random.nextInt(ofInterest.size()))
                        : vehicles.get(random.nextInt(vehicles.size()));
        Camera camera = cameras.get(random.nextInt(cameras.size()));
        double roll = random.nextDouble();
        String asRead = plate;
        List<PlateCandidate> candidates = List.of();
        if (roll < 0.01) {
            asRead = plate.substring(0, 2) + "#" + plate.substring(3); // cannot be a plate
        } else if (roll < 0.06) {
            asRead = misread(plate);
        } else if (roll < 0.09) {
            asRead = misread(misread(plate)) + "7"; // wrong length: only the candidate matches
            candidates = List.of(new PlateCandidate(plate, 0.4f));
        }
        return PlateRead.newBuilder()
                .setReadId("demo-" + seed + "-" + n)
                .setCameraId(camera.cameraId())
                .setSiteId(camera.siteId())
                .setOrganisationId(camera.organisationId())
                .setCapturedAt(now)
                .setReceivedAt(now)
                .setPlate(asRead)
                .setRegion(random.nextDouble() < 0.05 ? null : "NZ")
                .setConfidence((float) random.nextDouble(0.6, 1.0))
                .setCandidates(candidates)
                .setPosition(new GeoPoint(camera.lat(), camera.lon()))
                .setDirection(TravelDirection.APPROACHING)
                .setHeadingDegrees(null)
                .setVehicle(null)
                .setImageUri(null)
                .build();
    }

    /** The vehicle the demo incident names: the first of the population without a flag. */
    private String incidentVehicle() {
        return vehicles.get(Math.min(flagged.size(), vehicles.size() - 1));
    }

    private String plate() {
        StringBuilder plate = new StringBuilder(6);
        for (int i = 0; i < 3; i++) {
            plate.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        plate.append(100 + random.nextInt(900));
        return plate.toString();
    }

    /** Replaces one character by an OCR look-alike, when the plate has one. */
    private String misread(String plate) {
        for (String[] pair : LOOK_ALIKES) {
            int at = plate.indexOf(pair[0]);
            if (at >= 0) {
                return plate.substring(0, at) + pair[1] + plate.substring(at + 1);
            }
            at = plate.indexOf(pair[1]);
            if (at >= 0) {
                return plate.substring(0, at) + pair[0] + plate.substring(at + 1);
            }
        }
        return plate;
    }

    private static VehicleFlag flag(
            String flagId, String plate, FlagCategory category, boolean covert, Instant now) {
        return VehicleFlag.newBuilder()
                .setFlagId(flagId)
                .setAction(FlagAction.ADD)
                .setPlate(plate)
                .setRegion("NZ")
                .setCategory(category)
                .setReason("demo flag")
                .setOwnerOrganisationId(covert ? "demo-org-police" : "demo-org-0")
                .setIncidentId(null)
                .setPriority(covert ? Priority.CRITICAL : Priority.HIGH)
                .setValidFrom(now.minus(Duration.ofHours(1)))
                .setExpiresAt(now.plus(Duration.ofDays(30)))
                .setSharing(new SharingScope(SharingLevel.ALL_PARTNERS, List.of()))
                .setCovert(covert)
                .setCreatedBy("demo-traffic")
                .setJustification("demonstration data")
                .setUpdatedAt(now)
                .build();
    }
}
