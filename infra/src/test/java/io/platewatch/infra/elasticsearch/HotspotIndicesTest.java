package io.platewatch.infra.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class HotspotIndicesTest {

    @Test
    void aWindowGoesToTheIndexOfItsUtcStartMonth() {
        assertThat(HotspotIndices.indexFor(Instant.parse("2026-12-31T23:00:00Z")))
                .isEqualTo("platewatch-hotspots-2026.12");
        assertThat(HotspotIndices.indexFor(Instant.parse("2027-01-01T00:00:00Z")))
                .isEqualTo("platewatch-hotspots-2027.01");
    }

    @Test
    void retentionKeepsTheCurrentMonthAndTheMonthsBeforeIt() {
        List<String> indices =
                List.of(
                        "platewatch-hotspots-2025.11",
                        "platewatch-hotspots-2025.12",
                        "platewatch-hotspots-2026.01",
                        "platewatch-hotspots-2026.12");

        // Keeping 12 months in December 2026 keeps January to December 2026.
        assertThat(HotspotIndices.expired(indices, YearMonth.of(2026, 12), 12))
                .containsExactly("platewatch-hotspots-2025.11", "platewatch-hotspots-2025.12");
        assertThat(HotspotIndices.expired(indices, YearMonth.of(2026, 12), 1))
                .containsExactly(
                        "platewatch-hotspots-2025.11",
                        "platewatch-hotspots-2025.12",
                        "platewatch-hotspots-2026.01");
    }

    @Test
    void retentionNeverSelectsIndicesThatAreNotMonthlyHotspotIndices() {
        List<String> indices =
                List.of(
                        "platewatch-hotspots-archive",
                        "other-2001.01",
                        "platewatch-hotspots-1999.1");
        assertThat(HotspotIndices.expired(indices, YearMonth.of(2026, 12), 1)).isEmpty();
    }

    @Test
    void keepingNoMonthIsRefused() {
        assertThatThrownBy(() -> HotspotIndices.expired(List.of(), YearMonth.of(2026, 12), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
