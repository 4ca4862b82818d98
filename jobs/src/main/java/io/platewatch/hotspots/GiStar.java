package io.platewatch.hotspots;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Getis-Ord Gi* z-scores of one window's incident counts.
 *
 * <p>For cell i with neighbourhood N(i) (the cell itself and its adjacent cells, binary weights):
 *
 * <pre>
 *   Gi* = (sum_{j in N(i)} x_j - mean * W_i) / (S * sqrt((n * W_i - W_i^2) / (n - 1)))
 *   mean = sum x_j / n,   S = sqrt(sum x_j^2 / n - mean^2),   W_i = |N(i) within the study area|
 * </pre>
 *
 * <p>Study area: the cells that have any data (reads, sightings or incidents) in the window. A
 * neighbour outside that set is not part of the study area and contributes neither a value nor a
 * weight; a cell inside it with no incidents contributes 0. Cells without cameras or reports are
 * therefore not counted as evidence of calm, which would inflate every z-score in a sparse city.
 *
 * <p>The z-score is undefined (NaN) when fewer than two cells are in the study area, when all
 * values are equal (S = 0), or when a neighbourhood covers the whole study area (W_i = n).
 */
public final class GiStar {

    private static final double EPSILON = 1e-12;

    private GiStar() {}

    /**
     * @param values incident count (or its public estimate) per cell in the study area
     * @param neighbourhood the cell itself and its adjacent cells; cells outside {@code values} are
     *     ignored
     * @return the z-score per cell of {@code values}, NaN where undefined
     */
    public static Map<Long, Double> zScores(
            Map<Long, Double> values, Function<Long, Collection<Long>> neighbourhood) {
        int n = values.size();
        Map<Long, Double> scores = new HashMap<>();
        double sum = 0;
        double sumOfSquares = 0;
        for (double x : values.values()) {
            sum += x;
            sumOfSquares += x * x;
        }
        double mean = n == 0 ? 0 : sum / n;
        double s = n == 0 ? 0 : Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
        for (Long cell : values.keySet()) {
            scores.put(cell, zScore(cell, values, neighbourhood, n, mean, s));
        }
        return scores;
    }

    private static double zScore(
            Long cell,
            Map<Long, Double> values,
            Function<Long, Collection<Long>> neighbourhood,
            int n,
            double mean,
            double s) {
        if (n < 2 || s < EPSILON) {
            return Double.NaN;
        }
        double local = 0;
        int weight = 0;
        for (Long neighbour : neighbourhood.apply(cell)) {
            Double x = values.get(neighbour);
            if (x != null) {
                local += x;
                weight++;
            }
        }
        double spread = (n * (double) weight - (double) weight * weight) / (n - 1);
        if (spread < EPSILON) {
            return Double.NaN;
        }
        return (local - mean * weight) / (s * Math.sqrt(spread));
    }
}
