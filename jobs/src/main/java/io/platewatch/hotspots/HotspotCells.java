package io.platewatch.hotspots;

import com.uber.h3core.util.LatLng;
import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import io.platewatch.schemas.IncidentCategory;
import io.platewatch.schemas.SuppressibleCount;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the published {@link HotspotCell} from a cell window: only published values are copied, a
 * withheld value becomes {@code {value: null, suppressed: true}}. Categories without incidents are
 * left out of the map (zero identifies no one, and an absent key reads as zero).
 */
public final class HotspotCells {

    private HotspotCells() {}

    public static HotspotCell toPublished(CellWindow window, CellGrid grid) {
        LatLng centre = grid.centre(window.cell);
        Map<String, SuppressibleCount> byCategory = new LinkedHashMap<>();
        IncidentCategory[] categories = IncidentCategory.values();
        for (int c = 0; c < categories.length; c++) {
            if (window.incidentRow[c] > 0) {
                byCategory.put(
                        categories[c].name(),
                        count(window.incidentRow[c], window.incidentSuppressed[c]));
            }
        }
        return HotspotCell.newBuilder()
                .setCellId(grid.address(window.cell))
                .setResolution(grid.resolution())
                .setCentre(new GeoPoint(centre.lat, centre.lng))
                .setGranularity(window.granularity)
                .setWindowStart(java.time.Instant.ofEpochMilli(window.windowStart))
                .setWindowEnd(java.time.Instant.ofEpochMilli(window.windowEnd))
                .setIncidentsByCategory(byCategory)
                .setIncidents(count(window.incidents(), window.totalSuppressed()))
                .setFlaggedSightings(count(window.flaggedSightings, window.sightingsSuppressed))
                .setTotalReads(count(window.totalReads, window.readsSuppressed))
                .setIncidentValueCents(count(window.incidentValueCents, window.valueSuppressed))
                .setGiStarZ(Double.isNaN(window.giStarZ) ? null : window.giStarZ)
                .setTrend(window.trend == null ? HotspotTrend.NONE : window.trend)
                .setComputedAt(java.time.Instant.ofEpochMilli(window.computedAt))
                .build();
    }

    static SuppressibleCount count(long value, boolean hidden) {
        return SuppressibleCount.newBuilder()
                .setValue(hidden ? null : value)
                .setSuppressed(hidden)
                .build();
    }
}
