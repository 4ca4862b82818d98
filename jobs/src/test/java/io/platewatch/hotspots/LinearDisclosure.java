package io.platewatch.hotspots;

import java.util.ArrayList;
import java.util.List;

/**
 * Test oracle, independent of {@link SuppressionGraph}: decides with plain linear algebra which
 * withheld values of a table (rows = hours then the day, columns = categories then the total) the
 * published row and column sums determine exactly. A withheld value u is determined iff the unit
 * vector e_u lies in the row space of the relations' coefficients on the withheld values.
 */
final class LinearDisclosure {

    private LinearDisclosure() {}

    /**
     * @param hidden hidden[r][c] for every hour row then the day row (last)
     * @param dayRowRelations whether the hour-to-day column sums are published relations (false to
     *     look at hour rows alone, before a day is published)
     * @return the (row, column) of every withheld value that can be recovered exactly
     */
    static List<int[]> recoverable(boolean[][] hidden, boolean dayRowRelations) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        int total = columns - 1;
        int day = rows - 1;
        int[][] unknownIndex = new int[rows][columns];
        List<int[]> unknowns = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                unknownIndex[r][c] = -1;
                if (hidden[r][c] && (dayRowRelations || r != day)) {
                    unknownIndex[r][c] = unknowns.size();
                    unknowns.add(new int[] {r, c});
                }
            }
        }
        List<double[]> relations = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            if (!dayRowRelations && r == day) {
                continue;
            }
            double[] row = new double[unknowns.size()];
            for (int c = 0; c < columns; c++) {
                if (unknownIndex[r][c] >= 0) {
                    row[unknownIndex[r][c]] = c == total ? -1 : 1;
                }
            }
            relations.add(row);
        }
        if (dayRowRelations) {
            for (int c = 0; c < columns; c++) {
                double[] column = new double[unknowns.size()];
                for (int r = 0; r < rows; r++) {
                    if (unknownIndex[r][c] >= 0) {
                        column[unknownIndex[r][c]] = r == day ? -1 : 1;
                    }
                }
                relations.add(column);
            }
        }
        int rank = rank(relations, unknowns.size());
        List<int[]> determined = new ArrayList<>();
        for (int u = 0; u < unknowns.size(); u++) {
            List<double[]> withUnit = new ArrayList<>(relations);
            double[] unit = new double[unknowns.size()];
            unit[u] = 1;
            withUnit.add(unit);
            if (rank(withUnit, unknowns.size()) == rank) {
                determined.add(unknowns.get(u));
            }
        }
        return determined;
    }

    private static int rank(List<double[]> matrix, int width) {
        double[][] m = new double[matrix.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = matrix.get(i).clone();
        }
        int rank = 0;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = -1;
            for (int r = rank; r < m.length; r++) {
                if (Math.abs(m[r][col]) > 1e-9
                        && (pivot < 0 || Math.abs(m[r][col]) > Math.abs(m[pivot][col]))) {
                    pivot = r;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = m[rank];
            m[rank] = m[pivot];
            m[pivot] = swap;
            for (int r = 0; r < m.length; r++) {
                if (r != rank && Math.abs(m[r][col]) > 1e-9) {
                    double factor = m[r][col] / m[rank][col];
                    for (int c = col; c < width; c++) {
                        m[r][c] -= factor * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
