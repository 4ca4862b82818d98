package io.platewatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.platewatch.schemas.Incident;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CameraNetworkSimulatorTest {
    private static final Instant START = Instant.parse("2026-03-01T11:00:00Z");
    private static List<SimEvent> day;

    private static SimulationSettings settings(long seed) {
        return SimulationSettings.builder(seed, START)
                .period(Duration.ofDays(1))
                .vehicles(3000)
                .readsPerCameraPerHour(30)
                .offenders(4)
                .offenderVisitsPerDay(6)
                .incidentProbability(0.5)
                .misreadRate(0.05)
                .outagesPerCameraPerDay(0.5)
                .build();
    }

    private static List<SimEvent> run(long seed) {
        List<SimEvent> events = new ArrayList<>();
        new CameraNetworkSimulator(settings(seed)).forEachRemaining(events::add);
        return events;
    }

    @BeforeAll
    static void simulateOneDay() {
        day = run(7);
    }

    private static List<SimulatedRead> reads() {
        return day.stream()
                .filter(SimulatedRead.class::isInstance)
                .map(SimulatedRead.class::cast)
                .toList();
    }

    private static List<Incident> incidents() {
        return day.stream()
                .filter(SimulatedIncident.class::isInstance)
                .map(e -> ((SimulatedIncident) e).incident())
                .toList();
    }

    @Test
    void sameSeedGivesTheSameEventsAndAnotherSeedDoesNot() {
        assertThat(run(7)).isEqualTo(day);
        CameraNetworkSimulator other = new CameraNetworkSimulator(settings(8));
        List<SimEvent> otherStart = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            otherStart.add(other.next());
        }
        assertThat(otherStart).isNotEqualTo(day.subList(0, 100));
    }

    @Test
    void aDayOfTrafficHasTheExpectedVolume() {
        int cameras = new CameraNetworkSimulator(settings(7)).cameras().size();
        // 30 reads per camera-hour, busyness averaging 1, plus the offenders' visits.
        assertThat((double) reads().size())
                .isCloseTo(cameras * 30 * 24, within(cameras * 30 * 24 * 0.2));
    }

    @Test
    void platesFollowTheirRegionsFormatAndMostAreFromNewZealand() {
        Map<String, Long> byRegion =
                reads().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> r.vehicle().region(), Collectors.counting()));
        for (SimulatedRead read : reads()) {
            PlateFormat format = PlateFormat.ofRegion(read.vehicle().region());
            assertThat(format).isNotNull();
            assertThat(read.vehicle().plate()).matches(format.pattern());
        }
        assertThat(byRegion.keySet()).containsExactlyInAnyOrder("NZ", "AU-NSW", "GB", "US-CA");
        assertThat(byRegion.get("NZ") / (double) reads().size()).isBetween(0.8, 0.95);
    }

    @Test
    void everyCameraStandsInsideGreaterAuckland() {
        CameraNetworkSimulator simulator = new CameraNetworkSimulator(settings(7));
        assertThat(simulator.cameras()).hasSizeGreaterThan(10);
        for (SimCamera camera : simulator.cameras()) {
            assertThat(Area.contains(camera.lat(), camera.lon())).as(camera.id()).isTrue();
        }
    }

    @Test
    void misreadRateIsWithinToleranceAndMisreadsAreLookAlikes() {
        List<SimulatedRead> misreadable =
                reads().stream().filter(r -> LookAlikes.canMisread(r.vehicle().plate())).toList();
        long misreads = misreadable.stream().filter(SimulatedRead::misread).count();

        double rate = misreads / (double) misreadable.size();
        // Binomial with n over 10 000: three standard deviations are under 0.7 points.
        assertThat(rate).isCloseTo(0.05, within(0.01));
        for (SimulatedRead read : reads()) {
            if (read.misread()) {
                assertThat(LookAlikes.isLookAlikeOf(read.plate(), read.vehicle().plate())).isTrue();
                assertThat(read.candidates().get(0).getPlate()).isEqualTo(read.vehicle().plate());
            } else {
                assertThat(read.plate()).isEqualTo(read.vehicle().plate());
            }
        }
    }

    @Test
    void rushHourIsBusierThanTheSmallHours() {
        Map<Integer, Long> byHour =
                reads().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r ->
                                                r.capturedAt()
                                                        .atZone(ZoneId.of("Pacific/Auckland"))
                                                        .getHour(),
                                        Collectors.counting()));
        assertThat(byHour.get(8)).isGreaterThan(5 * byHour.get(3));
        assertThat(byHour.get(17)).isGreaterThan(5 * byHour.get(2));
    }

    @Test
    void regularsComeBackToTheSameSite() {
        Map<String, Long> visitsBySitePlate =
                reads().stream()
                        .collect(
                                Collectors.groupingBy(
                                        r -> r.camera().siteId() + "|" + r.vehicle().plate(),
                                        Collectors.counting()));
        long repeatReads =
                visitsBySitePlate.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
        assertThat(repeatReads / (double) reads().size()).isGreaterThan(0.3);
    }

    @Test
    void offendersMoveBetweenSitesAndIncidentsNameThemWhereTheyWereSeen() {
        Map<String, Set<String>> sitesOfPlate = new HashMap<>();
        for (SimulatedRead read : reads()) {
            if (read.vehicle().offender()) {
                sitesOfPlate
                        .computeIfAbsent(read.vehicle().plate(), p -> new HashSet<>())
                        .add(read.camera().siteId());
            }
        }
        assertThat(sitesOfPlate).hasSize(4);
        assertThat(sitesOfPlate.values())
                .allSatisfy(sites -> assertThat(sites).hasSizeGreaterThan(1));

        assertThat(incidents()).isNotEmpty();
        for (Incident incident : incidents()) {
            assertThat(incident.getVehicles()).hasSize(1);
            String plate = incident.getVehicles().get(0).getPlate();
            assertThat(sitesOfPlate).containsKey(plate);
            assertThat(sitesOfPlate.get(plate)).contains(incident.getSiteId());
            assertThat(incident.getReportedAt()).isAfter(incident.getOccurredAt());
            assertThat(incident.getPosition()).as("incident position").isNotNull();
            assertThat(
                            Area.contains(
                                    incident.getPosition().getLat(),
                                    incident.getPosition().getLon()))
                    .isTrue();
        }
    }

    @Test
    void outagesHoldReadsBackAndEventsLeaveInSendingOrder() {
        List<SimulatedRead> backlog = reads().stream().filter(SimulatedRead::backlog).toList();
        assertThat(backlog).isNotEmpty();
        assertThat(backlog)
                .allSatisfy(
                        r ->
                                assertThat(Duration.between(r.capturedAt(), r.emittedAt()))
                                        .isGreaterThan(Duration.ZERO));
        assertThat(
                        backlog.stream()
                                .filter(
                                        r ->
                                                Duration.between(r.capturedAt(), r.emittedAt())
                                                                .toMinutes()
                                                        > 5))
                .isNotEmpty();
        for (int i = 1; i < day.size(); i++) {
            assertThat(day.get(i).emittedAt()).isAfterOrEqualTo(day.get(i - 1).emittedAt());
        }
        assertThat(reads().stream().map(SimulatedRead::readId).distinct().count())
                .isEqualTo(reads().size());
    }
}
