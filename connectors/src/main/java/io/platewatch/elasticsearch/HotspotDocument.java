package io.platewatch.elasticsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A hot-spot cell as stored in Elasticsearch: the shape the index template maps (strictly) and the
 * queries read back. Counts are null when withheld; the matching {@code ...Suppressed} flag says
 * so. Times are epoch milliseconds.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HotspotDocument(
        String cellId,
        int resolution,
        Centre centre,
        String granularity,
        long windowStart,
        long windowEnd,
        Long incidents,
        boolean incidentsSuppressed,
        Long flaggedSightings,
        boolean flaggedSightingsSuppressed,
        Long totalReads,
        boolean totalReadsSuppressed,
        Long incidentValueCents,
        boolean incidentValueCentsSuppressed,
        Map<String, CategoryCount> incidentsByCategory,
        Double giStarZ,
        String trend,
        long computedAt) {

    /** The cell's centre, as a geo_point. */
    public record Centre(double lat, double lon) {}

    /** Incidents of one category; count is null when withheld. */
    public record CategoryCount(Long count, boolean suppressed) {}

    /** The document id: one per cell, granularity and window start, whatever the version. */
    public String id() {
        return documentId(cellId, granularity, windowStart);
    }

    public static String documentId(String cellId, String granularity, long windowStart) {
        return cellId + ":" + granularity + ":" + windowStart;
    }
}
