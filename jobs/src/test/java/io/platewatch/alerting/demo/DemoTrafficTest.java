package io.platewatch.alerting.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleFlag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTrafficTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    private static List<PlateRead> reads(long seed, int n) {
        DemoTraffic traffic = new DemoTraffic(seed, 500, 10, 5, 0.2);
        List<PlateRead> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(traffic.nextRead(NOW));
        }
        return out;
    }

    @Test
    void sameSeedGivesTheSameFlagsAndReads() {
        assertThat(reads(7, 200)).isEqualTo(reads(7, 200));
        assertThat(new DemoTraffic(7, 500, 10, 5, 0.2).flags(NOW))
                .isEqualTo(new DemoTraffic(7, 500, 10, 5, 0.2).flags(NOW));
    }

    @Test
    void anotherSeedGivesOtherTraffic() {
        assertThat(reads(7, 50)).isNotEqualTo(reads(8, 50));
    }

    @Test
    void flaggedVehiclesShowUpAtRoughlyTheRequestedShare() {
        DemoTraffic traffic = new DemoTraffic(7, 500, 10, 5, 0.2);
        Set<String> flaggedPlates =
                traffic.flags(NOW).stream()
                        .map(VehicleFlag::getPlate)
                        .filter(p -> !p.contains("*"))
                        .collect(Collectors.toCollection(java.util.HashSet::new));
        assertThat(flaggedPlates).hasSize(5);
        flaggedPlates.add(traffic.incident(NOW).getVehicles().get(0).getPlate());
        long flaggedReads =
                reads(7, 2_000).stream()
                        .filter(
                                r ->
                                        flaggedPlates.contains(r.getPlate())
                                                || r.getCandidates().stream()
                                                        .anyMatch(
                                                                c ->
                                                                        flaggedPlates.contains(
                                                                                c.getPlate())))
                        .count();
        // 20% of reads show a vehicle of interest; a few of those are misread beyond recognition.
        assertThat(flaggedReads).isBetween(300L, 450L);
    }

    @Test
    void readIdsAreUniqueAndCarryTheSeed() {
        List<PlateRead> reads = reads(7, 500);
        assertThat(reads.stream().map(PlateRead::getReadId).distinct()).hasSize(500);
        assertThat(reads.get(0).getReadId()).startsWith("demo-7-");
    }
}
