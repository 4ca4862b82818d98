package io.platewatch.hotspots;

import java.util.List;

/**
 * The de-identification rules: which counts of a cell and window are withheld. Pure functions of
 * the raw counts and of what was already published for the hours of a day.
 *
 * <p>Incident counts form a table per cell and day: one row per hour and one for the day, one
 * column per category and one for the total. Every value sits in two published sums, its row (the
 * categories add up to the total) and its column (the hours add up to the day). A withheld value
 * can be recovered exactly from those sums if and only if it is a bridge in the graph whose
 * vertices are the rows and columns and whose edges are the withheld values: see {@link
 * SuppressionGraph}. The rules below make sure no withheld value is such a bridge.
 *
 * <p>Flagged sightings, total reads and incident value are not part of any row sum, only of their
 * hour-to-day column, so they are judged one by one.
 */
public final class Suppression {

    /** Index of the total in an incident row. */
    public static final int TOTAL = CellCounts.CATEGORIES;

    private Suppression() {}

    /** Primary suppression: a count from 1 to k-1 could single out a few people. Zero is safe. */
    public static boolean belowThreshold(long count, int k) {
        return count > 0 && count < k;
    }

    /**
     * Withheld entries of an hour's incident row: every count below k, then, if exactly one entry
     * is withheld, the smallest published non-zero category too, because the lone hidden value
     * would otherwise be the published total minus the published categories.
     */
    public static boolean[] hourlyIncidentRow(long[] row, int k) {
        boolean[] hidden = new boolean[row.length];
        for (int i = 0; i < row.length; i++) {
            hidden[i] = belowThreshold(row[i], k);
        }
        protectLoneHiddenValue(row, hidden);
        return hidden;
    }

    /**
     * Secondary suppression within one row. The partner is a category rather than the total because
     * the total also feeds the day's total column and the Gi* statistic. A row whose only withheld
     * entry is a category always has another non-zero category when its total is at least k, so the
     * total is the partner only in rows that cannot occur; it is kept as a safe fallback.
     */
    static void protectLoneHiddenValue(long[] row, boolean[] hidden) {
        if (countHidden(hidden) != 1) {
            return;
        }
        int partner = smallestPublishedCategory(row, hidden);
        hidden[partner >= 0 ? partner : TOTAL] = true;
    }

    /** A count that sits in no row sum (sightings, reads, the value's contributors), per hour. */
    public static boolean hourlyCount(long count, int k) {
        return belowThreshold(count, k);
    }

    /**
     * A count that sits in no row sum, per day: withheld below k, and also when exactly one hour
     * withheld it, since the day minus the published hours would be that hour's value.
     */
    public static boolean dailyCount(long count, int hiddenHours, int k) {
        return belowThreshold(count, k) || hiddenHours == 1;
    }

    /**
     * Withheld entries of the day's incident row, given the day's raw row and the withheld pattern
     * of every hour as it was published (those hours cannot be taken back). Starts from the primary
     * rule, then, while some withheld value is still recoverable, withholds the smallest day entry
     * that removes a recoverable value; if none does, withholds every day entry whose column has a
     * withheld hour, which is always safe (see {@link SuppressionGraph}). Day entries whose column
     * has no withheld hour are the plain sum of published hours and stay published.
     */
    public static boolean[] dailyIncidentRow(long[] day, List<boolean[]> hourlyHidden, int k) {
        boolean[] inPlay = new boolean[day.length];
        for (boolean[] hour : hourlyHidden) {
            for (int c = 0; c < day.length; c++) {
                inPlay[c] |= hour[c];
            }
        }
        boolean[] hidden = new boolean[day.length];
        for (int c = 0; c < day.length; c++) {
            hidden[c] = belowThreshold(day[c], k);
        }
        int bridges = SuppressionGraph.bridgeCount(hourlyHidden, hidden);
        while (bridges > 0) {
            int repair = cheapestRepair(day, hourlyHidden, hidden, inPlay, bridges);
            if (repair < 0) {
                for (int c = 0; c < day.length; c++) {
                    hidden[c] |= inPlay[c];
                }
                break;
            }
            hidden[repair] = true;
            bridges = SuppressionGraph.bridgeCount(hourlyHidden, hidden);
        }
        if (SuppressionGraph.bridgeCount(hourlyHidden, hidden) > 0) {
            // Unreachable when every hour row was suppressed by hourlyIncidentRow; failing loudly
            // beats publishing a recoverable count.
            throw new IllegalStateException("daily suppression left a recoverable count");
        }
        return hidden;
    }

    /**
     * The estimate of an hour's incident count that uses only published data: the total when
     * published, otherwise the middle of 1..k-1 (an hour's total is withheld only below k).
     */
    public static double hourlyPublicIncidents(long total, boolean totalHidden, int k) {
        return totalHidden ? k / 2.0 : total;
    }

    /**
     * The estimate of a day's incident count from published data only: the day's total when
     * published, otherwise the published hourly totals plus the middle of 1..k-1 for each hour
     * whose total was withheld.
     */
    public static double dailyPublicIncidents(
            long dayTotal, boolean dayHidden, List<CellWindow> hours, int k) {
        if (!dayHidden) {
            return dayTotal;
        }
        double estimate = 0;
        for (CellWindow hour : hours) {
            estimate += hourlyPublicIncidents(hour.incidents(), hour.totalSuppressed(), k);
        }
        return estimate;
    }

    private static int cheapestRepair(
            long[] day,
            List<boolean[]> hourlyHidden,
            boolean[] hidden,
            boolean[] inPlay,
            int bridges) {
        int best = -1;
        for (int c = 0; c < day.length; c++) {
            if (!inPlay[c] || hidden[c] || (best >= 0 && day[c] >= day[best])) {
                continue;
            }
            hidden[c] = true;
            if (SuppressionGraph.bridgeCount(hourlyHidden, hidden) < bridges) {
                best = c;
            }
            hidden[c] = false;
        }
        return best;
    }

    private static int smallestPublishedCategory(long[] row, boolean[] hidden) {
        int best = -1;
        for (int c = 0; c < TOTAL; c++) {
            if (!hidden[c] && row[c] > 0 && (best < 0 || row[c] < row[best])) {
                best = c;
            }
        }
        return best;
    }

    private static int countHidden(boolean[] hidden) {
        int count = 0;
        for (boolean h : hidden) {
            if (h) {
                count++;
            }
        }
        return count;
    }
}
