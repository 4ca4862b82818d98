package io.platewatch.hotspots;

import io.platewatch.schemas.IncidentCategory;
import java.util.Arrays;

/**
 * Raw (unsuppressed) counts of one cell in one hour, as the window accumulates them. They stay
 * inside the job: suppression decides what of them is published.
 */
public class CellCounts {

    /** Number of incident categories; a row of incident counts has one more slot for the total. */
    public static final int CATEGORIES = IncidentCategory.values().length;

    /** Incidents per {@link IncidentCategory} ordinal. */
    public long[] categories = new long[CATEGORIES];

    /** Incidents whose value is known: the contributors to {@link #incidentValueCents}. */
    public long valuedIncidents;

    public long incidentValueCents;

    public long totalReads;

    /** Distinct sighting keys, sorted, so a read that matched two flags counts once. */
    public long[] sightingKeys = new long[0];

    public CellCounts() {}

    public long incidents() {
        return Arrays.stream(categories).sum();
    }

    public long flaggedSightings() {
        return sightingKeys.length;
    }

    /** Counts one event. */
    public CellCounts add(HotspotEvent event) {
        switch (event.kind) {
            case INCIDENT -> {
                categories[event.category]++;
                if (event.valueCents != null) {
                    valuedIncidents++;
                    incidentValueCents += event.valueCents;
                }
            }
            case FLAGGED_SIGHTING -> sightingKeys = withKey(sightingKeys, event.sightingKey);
            case READ -> totalReads++;
        }
        return this;
    }

    /** Adds another accumulator's counts into this one (merging session-free windows). */
    public CellCounts merge(CellCounts other) {
        for (int i = 0; i < CATEGORIES; i++) {
            categories[i] += other.categories[i];
        }
        valuedIncidents += other.valuedIncidents;
        incidentValueCents += other.incidentValueCents;
        totalReads += other.totalReads;
        for (long key : other.sightingKeys) {
            sightingKeys = withKey(sightingKeys, key);
        }
        return this;
    }

    /** The incident row: one count per category, then the total. */
    public long[] incidentRow() {
        long[] row = Arrays.copyOf(categories, CATEGORIES + 1);
        row[CATEGORIES] = incidents();
        return row;
    }

    private static long[] withKey(long[] sorted, long key) {
        int at = Arrays.binarySearch(sorted, key);
        if (at >= 0) {
            return sorted;
        }
        int insert = -at - 1;
        long[] grown = new long[sorted.length + 1];
        System.arraycopy(sorted, 0, grown, 0, insert);
        grown[insert] = key;
        System.arraycopy(sorted, insert, grown, insert + 1, sorted.length - insert);
        return grown;
    }
}
