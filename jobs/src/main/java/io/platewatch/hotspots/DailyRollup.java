package io.platewatch.hotspots;

import io.platewatch.schemas.WindowGranularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Rolls one cell's hourly windows up into its UTC day. The window buffers every hourly version it
 * received; the newest version of each hour counts, so a late update replaces its hour instead of
 * adding to it. Suppression of the day is decided against the hours exactly as they were published,
 * because the day and its hours are two views of the same counts (see {@link Suppression}).
 *
 * <p>The day window allows the same lateness as the hours. An hourly late firing is emitted with
 * the hour's end as timestamp while the hourly operator's watermark is still below that hour's end
 * plus the lateness, so it can never be too late for the day that contains the hour.
 */
public class DailyRollup extends ProcessWindowFunction<CellWindow, CellWindow, Long, TimeWindow> {

    private final int minCount;

    public DailyRollup(int minCount) {
        this.minCount = minCount;
    }

    @Override
    public void process(
            Long cell, Context context, Iterable<CellWindow> versions, Collector<CellWindow> out)
            throws Exception {
        ValueState<Integer> version =
                context.windowState()
                        .getState(new ValueStateDescriptor<>("daily-version", Types.INT));
        int next = version.value() == null ? 1 : version.value() + 1;
        version.update(next);
        out.collect(daily(cell, context.window(), latestPerHour(versions), next, minCount));
    }

    @Override
    public void clear(Context context) throws Exception {
        context.windowState()
                .getState(new ValueStateDescriptor<>("daily-version", Types.INT))
                .clear();
    }

    /** The newest version of each hour, in hour order. */
    static List<CellWindow> latestPerHour(Iterable<CellWindow> versions) {
        Map<Long, CellWindow> latest = new TreeMap<>();
        for (CellWindow hour : versions) {
            latest.merge(hour.windowStart, hour, (a, b) -> a.version >= b.version ? a : b);
        }
        return new ArrayList<>(latest.values());
    }

    /** The day's cell window from its hours, with the day's suppression decided. */
    static CellWindow daily(
            long cell, TimeWindow window, List<CellWindow> hours, int version, int k) {
        CellWindow day = new CellWindow();
        day.cell = cell;
        day.granularity = WindowGranularity.DAY;
        day.windowStart = window.getStart();
        day.windowEnd = window.getEnd();
        day.version = version;
        day.incidentRow = new long[Suppression.TOTAL + 1];
        List<boolean[]> hourlyHidden = new ArrayList<>();
        int sightingHours = 0;
        int readHours = 0;
        int valueHours = 0;
        for (CellWindow hour : hours) {
            for (int c = 0; c < day.incidentRow.length; c++) {
                day.incidentRow[c] += hour.incidentRow[c];
            }
            hourlyHidden.add(hour.incidentSuppressed);
            day.flaggedSightings += hour.flaggedSightings;
            day.totalReads += hour.totalReads;
            day.incidentValueCents += hour.incidentValueCents;
            day.valuedIncidents += hour.valuedIncidents;
            sightingHours += hour.sightingsSuppressed ? 1 : 0;
            readHours += hour.readsSuppressed ? 1 : 0;
            valueHours += hour.valueSuppressed ? 1 : 0;
        }
        day.incidentSuppressed = Suppression.dailyIncidentRow(day.incidentRow, hourlyHidden, k);
        day.sightingsSuppressed = Suppression.dailyCount(day.flaggedSightings, sightingHours, k);
        day.readsSuppressed = Suppression.dailyCount(day.totalReads, readHours, k);
        day.valueSuppressed = Suppression.dailyCount(day.valuedIncidents, valueHours, k);
        day.publicIncidents =
                Suppression.dailyPublicIncidents(day.incidents(), day.totalSuppressed(), hours, k);
        return day;
    }
}
