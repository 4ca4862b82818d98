package io.platewatch.elasticsearch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.SuppressibleCount;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Turns a {@link HotspotCell} into an index request: the monthly index of its window, the id {@code
 * cellId:granularity:windowStart} (a replay or a newer version overwrites the same document) and
 * {@code computedAt} as external version, so that a late, older version can never overwrite a newer
 * one.
 */
public final class HotspotCellConverter
        implements ElementConverter<HotspotCell, IndexRequestEntry> {

    private transient ObjectMapper json;

    @Override
    public IndexRequestEntry apply(HotspotCell cell, SinkWriter.Context context) {
        HotspotDocument document = toDocument(cell);
        return IndexRequestEntry.of(
                HotspotIndexNames.indexFor(document.windowStart()),
                document.id(),
                document.computedAt(),
                write(document));
    }

    /** The stored form of a cell. */
    public static HotspotDocument toDocument(HotspotCell cell) {
        Map<String, HotspotDocument.CategoryCount> categories = new LinkedHashMap<>();
        cell.getIncidentsByCategory()
                .forEach(
                        (category, count) ->
                                categories.put(
                                        category,
                                        new HotspotDocument.CategoryCount(
                                                count.getValue(), count.getSuppressed())));
        return new HotspotDocument(
                cell.getCellId(),
                cell.getResolution(),
                new HotspotDocument.Centre(cell.getCentre().getLat(), cell.getCentre().getLon()),
                cell.getGranularity().name(),
                cell.getWindowStart().toEpochMilli(),
                cell.getWindowEnd().toEpochMilli(),
                value(cell.getIncidents()),
                cell.getIncidents().getSuppressed(),
                value(cell.getFlaggedSightings()),
                cell.getFlaggedSightings().getSuppressed(),
                value(cell.getTotalReads()),
                cell.getTotalReads().getSuppressed(),
                value(cell.getIncidentValueCents()),
                cell.getIncidentValueCents().getSuppressed(),
                categories,
                cell.getGiStarZ(),
                cell.getTrend().name(),
                cell.getComputedAt().toEpochMilli());
    }

    private static Long value(SuppressibleCount count) {
        return count.getSuppressed() ? null : count.getValue();
    }

    private String write(HotspotDocument document) {
        if (json == null) {
            json = new ObjectMapper();
        }
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write hot-spot document " + document.id(), e);
        }
    }
}
