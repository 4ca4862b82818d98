package io.platewatch.hotspots;

import io.platewatch.schemas.HotspotCell;
import io.platewatch.schemas.HotspotTrend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The window-level step: once every cell of a window has arrived, computes Gi* over all of them,
 * labels each cell's trend from its z-scores in the previous windows, and publishes the cells.
 *
 * <p>It needs every cell of a window in one place, so it is keyed by granularity and runs with
 * parallelism 1 per granularity: the hourly and the daily statistics are two operators. That caps
 * its throughput at what one task can do with the cells of a window (thousands of cells per hour
 * for a city at resolution 8 is a few milliseconds), which is far below the per-cell windowing in
 * front of it. A country-wide deployment would partition the study area into regions with a
 * one-cell overlap instead.
 *
 * <p>A window is evaluated when the watermark passes its end, by which time every on-time cell has
 * arrived (each upstream task sends its window results before it forwards the watermark). A late
 * version of a cell re-evaluates the whole window, because one count moves the mean and the
 * z-scores of its neighbours; only cells whose published content changed are emitted again, each
 * with a later {@code computedAt}. A late change does not relabel later windows that were already
 * published. Windows are kept for the allowed lateness plus the trend look-back, then dropped.
 */
public class WindowStatistics extends KeyedProcessFunction<String, CellWindow, HotspotCell> {

    private final HotspotConfig config;
    private final CellGrid grid;
    private transient MapState<Long, Map<Long, CellWindow>> windows;

    public WindowStatistics(HotspotConfig config) {
        this.config = config;
        this.grid = new CellGrid(config.resolution());
    }

    @Override
    public void open(OpenContext openContext) {
        TypeInformation<Map<Long, CellWindow>> cells =
                Types.MAP(Types.LONG, TypeInformation.of(CellWindow.class));
        windows =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("cells-by-window", Types.LONG, cells));
    }

    @Override
    public void processElement(CellWindow update, Context ctx, Collector<HotspotCell> out)
            throws Exception {
        Map<Long, CellWindow> cells = windows.get(update.windowStart);
        if (cells == null) {
            cells = new HashMap<>();
        }
        CellWindow previous = cells.get(update.cell);
        if (previous != null && previous.version >= update.version) {
            return;
        }
        if (previous != null) {
            update.giStarZ = previous.giStarZ;
            update.trend = previous.trend;
            update.computedAt = previous.computedAt;
            update.emittedVersion = previous.emittedVersion;
        }
        cells.put(update.cell, update);
        windows.put(update.windowStart, cells);

        long evaluateAt = update.windowEnd - 1;
        ctx.timerService().registerEventTimeTimer(evaluateAt + retention(update));
        if (ctx.timerService().currentWatermark() >= evaluateAt) {
            evaluate(update.windowStart, cells, ctx.timerService().currentProcessingTime(), out);
        } else {
            ctx.timerService().registerEventTimeTimer(evaluateAt);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<HotspotCell> out)
            throws Exception {
        List<Long> starts = new ArrayList<>();
        windows.keys().forEach(starts::add);
        for (Long start : starts) {
            Map<Long, CellWindow> cells = windows.get(start);
            CellWindow any = cells.values().iterator().next();
            if (any.windowEnd - 1 == timestamp) {
                evaluate(start, cells, ctx.timerService().currentProcessingTime(), out);
            }
            if (any.windowEnd - 1 + retention(any) <= timestamp) {
                windows.remove(start);
            }
        }
    }

    /** How long after its end a window is kept: late updates, then the trend look-back. */
    private long retention(CellWindow window) {
        long length = window.windowEnd - window.windowStart;
        return config.allowedLateness().toMillis() + (config.trendWindows() - 1) * length;
    }

    private void evaluate(
            long start, Map<Long, CellWindow> cells, long now, Collector<HotspotCell> out)
            throws Exception {
        Map<Long, Double> values = new HashMap<>();
        cells.forEach((cell, window) -> values.put(cell, window.publicIncidents));
        Map<Long, Double> z = GiStar.zScores(values, grid::neighbourhood);
        List<Map<Long, CellWindow>> earlier = earlierWindows(start, cells);
        for (CellWindow window : cells.values()) {
            double score = z.get(window.cell);
            HotspotTrend trend =
                    TrendClassifier.classify(history(window.cell, earlier, score), config.hotZ());
            boolean changed =
                    window.emittedVersion != window.version
                            || Double.compare(window.giStarZ, score) != 0
                            || window.trend != trend;
            if (changed) {
                window.giStarZ = score;
                window.trend = trend;
                // Strictly later than the version it replaces, even within one millisecond.
                window.computedAt = Math.max(now, window.computedAt + 1);
                window.emittedVersion = window.version;
                out.collect(HotspotCells.toPublished(window, grid));
            }
        }
        windows.put(start, cells);
    }

    /** The N-1 windows before this one, oldest first; an empty map where no data was kept. */
    private List<Map<Long, CellWindow>> earlierWindows(long start, Map<Long, CellWindow> cells)
            throws Exception {
        CellWindow any = cells.values().iterator().next();
        long length = any.windowEnd - any.windowStart;
        List<Map<Long, CellWindow>> earlier = new ArrayList<>();
        for (int back = config.trendWindows() - 1; back >= 1; back--) {
            Map<Long, CellWindow> window = windows.get(start - back * length);
            earlier.add(window == null ? Map.of() : window);
        }
        return earlier;
    }

    private static double[] history(
            long cell, List<Map<Long, CellWindow>> earlier, double current) {
        double[] z = new double[earlier.size() + 1];
        for (int i = 0; i < earlier.size(); i++) {
            CellWindow window = earlier.get(i).get(cell);
            z[i] = window == null ? Double.NaN : window.giStarZ;
        }
        z[earlier.size()] = current;
        return z;
    }
}
