package io.platewatch.hotspots;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of the hot-spot job: how coarse the cells are, how small a count may be before it is
 * withheld, how long a window waits for late data, and how the emerging hot-spot labels are judged.
 *
 * @param resolution H3 resolution of the cells (0 coarsest to 15 finest); 8 gives cells of about
 *     0.74 km²
 * @param minCount the k of the suppression rule: a count from 1 to k-1 is withheld
 * @param outOfOrderness how far behind the newest event time an event may arrive and still be on
 *     time (the watermark lag)
 * @param allowedLateness how long after a window closed late events still update it
 * @param idleness after this long without events a source no longer holds back the watermark
 * @param trendWindows how many windows (the current one included) the trend label looks back over
 * @param hotZ the Gi* z-score from which a cell counts as a hot spot (1.96: 95% confidence)
 */
public record HotspotConfig(
        int resolution,
        int minCount,
        Duration outOfOrderness,
        Duration allowedLateness,
        Duration idleness,
        int trendWindows,
        double hotZ)
        implements Serializable {

    public static final int DEFAULT_RESOLUTION = 8;
    public static final int DEFAULT_MIN_COUNT = 5;
    public static final int DEFAULT_TREND_WINDOWS = 6;
    public static final double DEFAULT_HOT_Z = 1.96;

    public HotspotConfig {
        if (resolution < 0 || resolution > 15) {
            throw new IllegalArgumentException("H3 resolution must be 0..15, was " + resolution);
        }
        if (minCount < 2) {
            // A threshold of 1 would publish every count, which is no suppression at all.
            throw new IllegalArgumentException("minCount (k) must be at least 2, was " + minCount);
        }
        if (outOfOrderness.isNegative()
                || allowedLateness.isNegative()
                || idleness.isNegative()
                || idleness.isZero()) {
            throw new IllegalArgumentException(
                    "outOfOrderness and allowedLateness must be >= 0 and idleness > 0");
        }
        if (trendWindows < 2) {
            throw new IllegalArgumentException(
                    "trendWindows must be at least 2, was " + trendWindows);
        }
    }

    /** The documented defaults: resolution 8, k = 5, 6 trend windows, hot from z = 1.96. */
    public static HotspotConfig defaults() {
        return new HotspotConfig(
                DEFAULT_RESOLUTION,
                DEFAULT_MIN_COUNT,
                Duration.ofMinutes(5),
                Duration.ofHours(2),
                Duration.ofMinutes(1),
                DEFAULT_TREND_WINDOWS,
                DEFAULT_HOT_Z);
    }

    public HotspotConfig withResolution(int value) {
        return new HotspotConfig(
                value, minCount, outOfOrderness, allowedLateness, idleness, trendWindows, hotZ);
    }

    public HotspotConfig withMinCount(int value) {
        return new HotspotConfig(
                resolution, value, outOfOrderness, allowedLateness, idleness, trendWindows, hotZ);
    }

    public HotspotConfig withOutOfOrderness(Duration value) {
        return new HotspotConfig(
                resolution, minCount, value, allowedLateness, idleness, trendWindows, hotZ);
    }

    public HotspotConfig withAllowedLateness(Duration value) {
        return new HotspotConfig(
                resolution, minCount, outOfOrderness, value, idleness, trendWindows, hotZ);
    }

    public HotspotConfig withTrendWindows(int value) {
        return new HotspotConfig(
                resolution, minCount, outOfOrderness, allowedLateness, idleness, value, hotZ);
    }
}
