package io.platewatch.hotspots;

import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.WindowGranularity;

/**
 * One cell in one window, between the windowing steps and the window statistics: the raw counts
 * (needed to roll hours up into days), the suppression decided for each of them, and the estimate
 * of the incident count that the Gi* statistic may use. Only the published part ever reaches a
 * {@link io.platewatch.schemas.HotspotCell}.
 */
public class CellWindow {

    public long cell;
    public WindowGranularity granularity;
    public long windowStart;
    public long windowEnd;

    /** Increases with every firing of the same window: late data makes a newer version. */
    public int version;

    /** Incidents per category, then the total (index {@link CellCounts#CATEGORIES}). */
    public long[] incidentRow;

    /** Which entries of {@link #incidentRow} are withheld. */
    public boolean[] incidentSuppressed;

    public long flaggedSightings;
    public boolean sightingsSuppressed;

    public long totalReads;
    public boolean readsSuppressed;

    public long incidentValueCents;

    /** How many incidents contributed a value: the count the value's suppression is judged on. */
    public long valuedIncidents;

    public boolean valueSuppressed;

    /**
     * The incident count as an analyst can know it from published data alone: the published total,
     * or for a withheld total an estimate built only from published values and the public rule. Gi*
     * is computed from this, so a z-score cannot reveal a withheld count.
     */
    public double publicIncidents;

    /** Set by the window statistics step: Gi* z-score, NaN when undefined. */
    public double giStarZ = Double.NaN;

    /** Set by the window statistics step. */
    public HotspotTrend trend;

    /** Set by the window statistics step: when the emitted version was computed. */
    public long computedAt;

    /** Set by the window statistics step: the upstream version last emitted, -1 for none. */
    public int emittedVersion = -1;

    public CellWindow() {}

    public boolean totalSuppressed() {
        return incidentSuppressed[CellCounts.CATEGORIES];
    }

    public long incidents() {
        return incidentRow[CellCounts.CATEGORIES];
    }
}
