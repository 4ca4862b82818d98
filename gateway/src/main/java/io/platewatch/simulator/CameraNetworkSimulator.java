package io.platewatch.simulator;

import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.Incident;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.IncidentVehicle;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.SharingLevel;
import io.platewatch.schemas.SharingScope;
import io.platewatch.schemas.TravelDirection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A camera network over greater Auckland, simulated minute by minute and handed out as events in
 * the order the cameras would send them. Deterministic: one {@link Random} seeded from the settings
 * drives every choice, in a fixed order, so equal settings give equal events.
 *
 * <p>Each minute, each camera sees a Poisson number of vehicles, scaled by the local hour's traffic
 * weight and its site's busyness; half of a site's vehicles (by default) are its regulars. Offender
 * vehicles visit sites on their own schedule and sometimes an incident follows, reported to the
 * incident topic minutes to hours later. A camera in an outage keeps its reads and sends them all
 * when the outage ends. A misread swaps one look-alike character; plates without one are always
 * read right.
 */
public final class CameraNetworkSimulator implements Iterator<SimEvent> {
    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");
    private static final Duration STEP = Duration.ofMinutes(1);

    private final SimulationSettings settings;
    private final Random random;
    private final List<Site> sites;
    private final VehiclePopulation population;
    private final Map<String, List<Outage>> outages = new HashMap<>();
    private final Map<Integer, Instant> offenderNextVisit = new HashMap<>();
    private final Map<Integer, Integer> offenderLastSite = new HashMap<>();
    private final PriorityQueue<Queued> queue =
            new PriorityQueue<>(
                    Comparator.comparing((Queued q) -> q.event().emittedAt())
                            .thenComparingLong(Queued::sequence));
    private final Instant end;
    private Instant cursor;
    private long sequence;

    private record Outage(Instant start, Instant end) {
        boolean covers(Instant time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    private record Queued(SimEvent event, long sequence) {}

    public CameraNetworkSimulator(SimulationSettings settings) {
        this.settings = settings;
        this.random = new Random(settings.seed());
        this.sites = SiteCatalogue.build(random);
        this.population =
                VehiclePopulation.build(
                        random,
                        settings.vehicles(),
                        sites.size(),
                        settings.regularShare(),
                        settings.offenders());
        this.cursor = settings.start();
        this.end = settings.start().plus(settings.period());
        planOutages();
        for (int offender : population.offenders()) {
            offenderNextVisit.put(offender, settings.start().plus(nextOffenderGap()));
        }
    }

    public List<Site> sites() {
        return sites;
    }

    /** Every camera of every site, in site order. */
    public List<SimCamera> cameras() {
        return sites.stream().flatMap(site -> site.cameras().stream()).toList();
    }

    public VehiclePopulation population() {
        return population;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !queue.isEmpty();
    }

    @Override
    public SimEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated period is over");
        }
        return queue.poll().event();
    }

    /**
     * Simulates minutes until the queue's first event can no longer be overtaken: every event of a
     * later minute is emitted at or after that minute's start.
     */
    private void fill() {
        while (cursor.isBefore(end)
                && (queue.isEmpty() || queue.peek().event().emittedAt().isAfter(cursor))) {
            simulateMinute(cursor);
            cursor = cursor.plus(STEP);
        }
    }

    private void simulateMinute(Instant minute) {
        double hourWeight = TrafficProfile.weight(minute.atZone(AUCKLAND).getHour());
        for (int s = 0; s < sites.size(); s++) {
            Site site = sites.get(s);
            for (SimCamera camera : site.cameras()) {
                double expected =
                        settings.readsPerCameraPerHour() / 60.0 * hourWeight * site.busyness();
                int count = poisson(expected);
                for (int i = 0; i < count; i++) {
                    Instant captured = minute.plusMillis(random.nextInt(60_000));
                    queueRead(camera, pickVehicle(s), captured);
                }
            }
        }
        moveOffenders(minute);
    }

    private int pickVehicle(int site) {
        List<Integer> regulars = population.regularsOf(site);
        if (!regulars.isEmpty() && random.nextDouble() < settings.regularVisitShare()) {
            return regulars.get(random.nextInt(regulars.size()));
        }
        return random.nextInt(population.size());
    }

    /** Offenders due this minute visit a site other than their last, and may cause an incident. */
    private void moveOffenders(Instant minute) {
        Instant minuteEnd = minute.plus(STEP);
        for (int offender : population.offenders()) {
            Instant due = offenderNextVisit.get(offender);
            if (due.isBefore(minuteEnd)) {
                int last = offenderLastSite.getOrDefault(offender, -1);
                int site = random.nextInt(sites.size());
                if (site == last) {
                    site = (site + 1) % sites.size();
                }
                offenderLastSite.put(offender, site);
                Site visited = sites.get(site);
                SimCamera camera = visited.cameras().get(random.nextInt(visited.cameras().size()));
                Instant captured = due.isBefore(minute) ? minute : due;
                queueRead(camera, offender, captured);
                if (random.nextDouble() < settings.incidentProbability()) {
                    queueIncident(visited, offender, captured);
                }
                offenderNextVisit.put(offender, captured.plus(nextOffenderGap()));
            }
        }
    }

    private void queueRead(SimCamera camera, int vehicleIndex, Instant captured) {
        Vehicle vehicle = population.get(vehicleIndex);
        boolean misread =
                LookAlikes.canMisread(vehicle.plate())
                        && random.nextDouble() < settings.misreadRate();
        String plate = misread ? LookAlikes.misread(vehicle.plate(), random) : vehicle.plate();
        float confidence =
                misread ? 0.55f + 0.3f * random.nextFloat() : 0.80f + 0.19f * random.nextFloat();
        List<PlateCandidate> candidates = new ArrayList<>();
        if (misread) {
            candidates.add(new PlateCandidate(vehicle.plate(), confidence - 0.05f));
        } else if (LookAlikes.canMisread(plate) && random.nextDouble() < 0.3) {
            candidates.add(
                    new PlateCandidate(LookAlikes.misread(plate, random), confidence - 0.25f));
        }
        boolean approaching = random.nextBoolean();
        float heading = (camera.facingDegrees() + (approaching ? 0 : 180)) % 360;
        Outage outage = outageAt(camera, captured);
        Instant emitted =
                outage != null
                        ? outage.end().plusMillis(50L * (sequence % 20))
                        : captured.plusMillis(500 + random.nextInt(2500));
        long id = sequence++;
        queue.add(
                new Queued(
                        new SimulatedRead(
                                "sim-" + settings.seed() + "-" + id,
                                camera,
                                captured,
                                emitted,
                                plate,
                                confidence,
                                candidates,
                                vehicle,
                                approaching
                                        ? TravelDirection.APPROACHING
                                        : TravelDirection.DEPARTING,
                                heading,
                                misread,
                                outage != null),
                        id));
    }

    private void queueIncident(Site site, int offender, Instant seen) {
        Vehicle vehicle = population.get(offender);
        Instant occurred = seen.plusSeconds(random.nextInt(300));
        Instant reported = occurred.plusSeconds(600 + random.nextInt(3 * 3600));
        IncidentCategory category = incidentCategory();
        long id = sequence++;
        Incident incident =
                Incident.newBuilder()
                        .setIncidentId("inc-" + settings.seed() + "-" + id)
                        .setOrganisationId(site.organisationId())
                        .setSiteId(site.id())
                        .setOccurredAt(occurred)
                        .setReportedAt(reported)
                        .setCategory(category)
                        .setValueCents(
                                category == IncidentCategory.FUEL_DRIVE_OFF
                                                || category == IncidentCategory.THEFT
                                        ? 2_000L + random.nextInt(30_000)
                                        : null)
                        .setCurrency("NZD")
                        // The site's own position: hot-spot cells need a place for every incident.
                        .setPosition(new GeoPoint(site.lat(), site.lon()))
                        .setVehicles(
                                List.of(new IncidentVehicle(vehicle.plate(), vehicle.region())))
                        .setSharing(
                                new SharingScope(
                                        random.nextBoolean()
                                                ? SharingLevel.ALL_PARTNERS
                                                : SharingLevel.POLICE_ONLY,
                                        List.of()))
                        .build();
        queue.add(new Queued(new SimulatedIncident(incident, reported), id));
    }

    private IncidentCategory incidentCategory() {
        double draw = random.nextDouble();
        if (draw < 0.45) {
            return IncidentCategory.FUEL_DRIVE_OFF;
        }
        if (draw < 0.80) {
            return IncidentCategory.THEFT;
        }
        if (draw < 0.90) {
            return IncidentCategory.CRIMINAL_DAMAGE;
        }
        return IncidentCategory.ANTISOCIAL;
    }

    /** Outage windows of every camera over the period, drawn before any traffic. */
    private void planOutages() {
        double days = settings.period().toMillis() / (double) Duration.ofDays(1).toMillis();
        for (SimCamera camera : cameras()) {
            List<Outage> windows = new ArrayList<>();
            int count = poisson(settings.outagesPerCameraPerDay() * days);
            for (int i = 0; i < count; i++) {
                Instant start =
                        settings.start()
                                .plusMillis(
                                        (long)
                                                (random.nextDouble()
                                                        * settings.period().toMillis()));
                long length =
                        (long)
                                (-Math.log(1 - random.nextDouble())
                                        * settings.meanOutage().toMillis());
                windows.add(new Outage(start, start.plusMillis(Math.max(60_000, length))));
            }
            outages.put(camera.id(), windows);
        }
    }

    private Outage outageAt(SimCamera camera, Instant time) {
        for (Outage outage : outages.get(camera.id())) {
            if (outage.covers(time)) {
                return outage;
            }
        }
        return null;
    }

    private Duration nextOffenderGap() {
        double meanMillis = Duration.ofDays(1).toMillis() / settings.offenderVisitsPerDay();
        return Duration.ofMillis((long) (-Math.log(1 - random.nextDouble()) * meanMillis));
    }

    /** Knuth's method; fine for the small means of one camera-minute. */
    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
