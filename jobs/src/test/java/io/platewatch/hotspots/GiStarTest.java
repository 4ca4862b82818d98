package io.platewatch.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GiStarTest {

    /**
     * Five cells in a row, A-B-C-D-E, each neighbourhood = itself and the cells beside it. Values x
     * = [10, 6, 2, 0, 2].
     *
     * <pre>
     *   n = 5, sum = 20, mean = 4
     *   sum x^2 = 100 + 36 + 4 + 0 + 4 = 144, S^2 = 144/5 - 4^2 = 28.8 - 16 = 12.8
     *   A: N = {A,B},   W = 2, L = 16, numerator = 16 - 4*2 = 8
     *      spread = (5*2 - 2^2) / 4 = 1.5, denominator = sqrt(12.8 * 1.5) = sqrt(19.2) = 4.38178...
     *      z = 8 / 4.38178 = 1.82574
     *   B: N = {A,B,C}, W = 3, L = 18, numerator = 18 - 12 = 6, spread = (15 - 9) / 4 = 1.5
     *      z = 6 / sqrt(19.2) = 1.36931
     *   C: N = {B,C,D}, W = 3, L = 8,  numerator = -4, z = -4 / sqrt(19.2) = -0.91287
     *   D: N = {C,D,E}, W = 3, L = 4,  numerator = -8, z = -8 / sqrt(19.2) = -1.82574
     *   E: N = {D,E},   W = 2, L = 2,  numerator = 2 - 8 = -6, spread 1.5, z = -1.36931
     * </pre>
     */
    @Test
    void zScoresMatchTheHandComputedLineOfFiveCells() {
        Map<Long, Double> x = new LinkedHashMap<>();
        x.put(1L, 10.0);
        x.put(2L, 6.0);
        x.put(3L, 2.0);
        x.put(4L, 0.0);
        x.put(5L, 2.0);
        Function<Long, Collection<Long>> line = cell -> List.of(cell - 1, cell, cell + 1);

        Map<Long, Double> z = GiStar.zScores(x, line);

        double denominator = Math.sqrt(19.2);
        assertThat(z.get(1L))
                .isCloseTo(8 / denominator, within(1e-12))
                .isCloseTo(1.82574, within(1e-5));
        assertThat(z.get(2L))
                .isCloseTo(6 / denominator, within(1e-12))
                .isCloseTo(1.36931, within(1e-5));
        assertThat(z.get(3L)).isCloseTo(-4 / denominator, within(1e-12));
        assertThat(z.get(4L)).isCloseTo(-8 / denominator, within(1e-12));
        assertThat(z.get(5L)).isCloseTo(-6 / denominator, within(1e-12));
    }

    @Test
    void neighboursOutsideTheStudyAreaCarryNoWeight() {
        // Cell 0 and 6 (neighbours of A and E) have no data, so they are not in the study area: the
        // result must equal the five-cell example, not one with two extra zero cells.
        Map<Long, Double> x = Map.of(1L, 10.0, 2L, 6.0, 3L, 2.0, 4L, 0.0, 5L, 2.0);
        Map<Long, Double> z = GiStar.zScores(x, cell -> List.of(cell - 1, cell, cell + 1));
        assertThat(z.get(1L)).isCloseTo(8 / Math.sqrt(19.2), within(1e-12));
    }

    @Test
    void zIsUndefinedWhenAllValuesAreEqualOrTheAreaIsOneCell() {
        Function<Long, Collection<Long>> line = cell -> List.of(cell - 1, cell, cell + 1);
        assertThat(GiStar.zScores(Map.of(1L, 3.0, 2L, 3.0, 3L, 3.0, 9L, 3.0), line).get(1L))
                .isNaN();
        assertThat(GiStar.zScores(Map.of(1L, 3.0), line).get(1L)).isNaN();
        // Two adjacent cells: each neighbourhood is the whole study area (W = n).
        assertThat(GiStar.zScores(Map.of(1L, 3.0, 2L, 0.0), line).get(1L)).isNaN();
    }

    @Test
    void plantedClusterOnTheRealGridScoresHighestAtItsCentre() {
        CellGrid grid = new CellGrid(8);
        long centre = grid.cellOf(-36.8485, 174.7633);
        Map<Long, Double> x = new LinkedHashMap<>();
        for (long cell : grid.neighbourhood(centre)) {
            x.put(cell, cell == centre ? 20.0 : 8.0);
        }
        // Background: cells a few kilometres away with one or no incident each.
        for (int i = 0; i < 30; i++) {
            x.putIfAbsent(
                    grid.cellOf(-36.80 - i * 0.01, 174.70 + (i % 5) * 0.01), (double) (i % 2));
        }

        Map<Long, Double> z = GiStar.zScores(x, grid::neighbourhood);

        assertThat(z.get(centre)).isGreaterThan(1.96);
        z.forEach((cell, score) -> assertThat(score).isLessThanOrEqualTo(z.get(centre)));
    }
}
