package io.platewatch.hotspots;

import io.platewatch.schemas.WindowGranularity;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns one cell's hourly counts into a {@link CellWindow} with the hour's suppression decided.
 * Fires once when the hour closes and again for every late event within the allowed lateness; a
 * per-window version number tells the firings apart so that the daily roll-up keeps the newest.
 */
public class HourlyCellWindow
        extends ProcessWindowFunction<CellCounts, CellWindow, Long, TimeWindow> {

    private final int minCount;

    public HourlyCellWindow(int minCount) {
        this.minCount = minCount;
    }

    @Override
    public void process(
            Long cell, Context context, Iterable<CellCounts> counts, Collector<CellWindow> out)
            throws Exception {
        ValueState<Integer> version =
                context.windowState()
                        .getState(new ValueStateDescriptor<>("hourly-version", Types.INT));
        int next = version.value() == null ? 1 : version.value() + 1;
        version.update(next);
        CellCounts hour = counts.iterator().next();
        out.collect(hourly(cell, context.window(), hour, next, minCount));
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState()
                .getState(new ValueStateDescriptor<>("hourly-version", Types.INT))
                .clear();
    }

    /** The hour's cell window with every suppression rule applied. */
    static CellWindow hourly(long cell, TimeWindow window, CellCounts hour, int version, int k) {
        CellWindow result = new CellWindow();
        result.cell = cell;
        result.granularity = WindowGranularity.HOUR;
        result.windowStart = window.getStart();
        result.windowEnd = window.getEnd();
        result.version = version;
        result.incidentRow = hour.incidentRow();
        result.incidentSuppressed = Suppression.hourlyIncidentRow(result.incidentRow, k);
        result.flaggedSightings = hour.flaggedSightings();
        result.sightingsSuppressed = Suppression.hourlyCount(result.flaggedSightings, k);
        result.totalReads = hour.totalReads;
        result.readsSuppressed = Suppression.hourlyCount(result.totalReads, k);
        result.incidentValueCents = hour.incidentValueCents;
        result.valuedIncidents = hour.valuedIncidents;
        result.valueSuppressed = Suppression.hourlyCount(hour.valuedIncidents, k);
        result.publicIncidents =
                Suppression.hourlyPublicIncidents(result.incidents(), result.totalSuppressed(), k);
        return result;
    }
}
