package io.platewatch.hotspots;

import io.platewatch.schemas.HotspotTrend;

/**
 * The emerging hot-spot label of a cell from its Gi* z-scores over the last N windows of one
 * granularity (the current window last). A window counts as hot when z >= the configured threshold
 * (1.96 by default, 95% confidence); a window where the cell had no data or z was undefined counts
 * as not hot.
 *
 * <p>The rules, checked in this order:
 *
 * <ol>
 *   <li>NONE: hot in none of the N windows.
 *   <li>NEW: hot in the current window and in none of the earlier N-1.
 *   <li>If hot in the current window and in at least {@link #MOSTLY} of the N windows (5 of 6): the
 *       trend of z is the Mann-Kendall statistic S = sum over window pairs i &lt; j of sign(z_j -
 *       z_i), taken over the windows with a defined z; with P such pairs,
 *       <ul>
 *         <li>INTENSIFYING when S &gt;= P/2 (z mostly rising),
 *         <li>DIMINISHING when S &lt;= -P/2 (z mostly falling),
 *         <li>PERSISTENT otherwise.
 *       </ul>
 *   <li>SPORADIC: every other case with at least one hot window: on and off, including a cell hot
 *       earlier but not now.
 * </ol>
 *
 * <p>Unlike ArcGIS's emerging hot-spot analysis there is no significance test of the trend itself:
 * with six points it would rarely pass, so the rule only asks whether z mostly rose or fell.
 */
public final class TrendClassifier {

    /** Share of the N windows a cell must be hot in to be PERSISTENT, INTENSIFYING, DIMINISHING. */
    public static final double MOSTLY = 0.8;

    private TrendClassifier() {}

    /**
     * @param zOldestFirst z-scores of the last N windows, the current one last; NaN for a window
     *     without data or without a defined z
     */
    public static HotspotTrend classify(double[] zOldestFirst, double hotZ) {
        int windows = zOldestFirst.length;
        int hot = 0;
        for (double z : zOldestFirst) {
            if (isHot(z, hotZ)) {
                hot++;
            }
        }
        boolean hotNow = windows > 0 && isHot(zOldestFirst[windows - 1], hotZ);
        if (hot == 0) {
            return HotspotTrend.NONE;
        }
        if (hotNow && hot == 1) {
            return HotspotTrend.NEW;
        }
        if (hotNow && hot >= Math.ceil(MOSTLY * windows)) {
            return direction(zOldestFirst);
        }
        return HotspotTrend.SPORADIC;
    }

    static boolean isHot(double z, double hotZ) {
        return !Double.isNaN(z) && z >= hotZ;
    }

    /** Mann-Kendall S of the defined z-scores, compared with half the number of pairs. */
    private static HotspotTrend direction(double[] z) {
        int s = 0;
        int pairs = 0;
        for (int i = 0; i < z.length; i++) {
            for (int j = i + 1; j < z.length; j++) {
                if (Double.isNaN(z[i]) || Double.isNaN(z[j])) {
                    continue;
                }
                pairs++;
                s += Double.compare(z[j], z[i]) > 0 ? 1 : (Double.compare(z[j], z[i]) < 0 ? -1 : 0);
            }
        }
        if (pairs > 0 && s >= pairs / 2.0) {
            return HotspotTrend.INTENSIFYING;
        }
        if (pairs > 0 && s <= -pairs / 2.0) {
            return HotspotTrend.DIMINISHING;
        }
        return HotspotTrend.PERSISTENT;
    }
}
