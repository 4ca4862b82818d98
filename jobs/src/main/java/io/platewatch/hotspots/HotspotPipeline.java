package io.platewatch.hotspots;

import io.platewatch.schemas.HotspotCell;
import io.platewatch.serde.SpecificRecordTypeInfo;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The windowing part of the hot-spot job, from de-identified events with event-time timestamps to
 * published cells:
 *
 * <ol>
 *   <li>per cell, tumbling hourly windows (UTC) with allowed lateness; each firing, on time or
 *       late, gives a new version of the hour with its suppression decided; events later than the
 *       lateness go to a side output and are counted;
 *   <li>per cell, the hours rolled up into UTC days (newest version of each hour), suppressed
 *       against the published hours;
 *   <li>per granularity, the window statistics step (Gi*, trend labels), which publishes.
 * </ol>
 */
public final class HotspotPipeline {

    public static final long HOUR_MS = Duration.ofHours(1).toMillis();

    /** Events that arrived after their hour's allowed lateness. */
    public static final OutputTag<HotspotEvent> TOO_LATE = new OutputTag<>("hotspot-too-late") {};

    private HotspotPipeline() {}

    /** The streams the pipeline produces; the intermediate ones are exposed for tests. */
    public record Outputs(
            DataStream<CellWindow> hourly,
            DataStream<CellWindow> daily,
            DataStream<HotspotCell> cells,
            DataStream<LateEvent> late) {}

    /** Builds the pipeline on an event stream whose timestamps and watermarks are assigned. */
    public static Outputs build(DataStream<HotspotEvent> events, HotspotConfig config) {
        SingleOutputStreamOperator<CellWindow> hourly =
                events.keyBy(event -> event.cell, Types.LONG)
                        .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                        .allowedLateness(config.allowedLateness())
                        .sideOutputLateData(TOO_LATE)
                        .aggregate(
                                new CellCountsAggregate(), new HourlyCellWindow(config.minCount()))
                        .name("hourly cells")
                        .uid("hotspots-hourly-cells");

        DataStream<LateEvent> late =
                hourly.getSideOutput(TOO_LATE)
                        .map(new CountLate())
                        .name("too-late events")
                        .uid("hotspots-too-late");

        SingleOutputStreamOperator<CellWindow> daily =
                hourly.keyBy(window -> window.cell, Types.LONG)
                        .window(TumblingEventTimeWindows.of(Duration.ofDays(1)))
                        .allowedLateness(config.allowedLateness())
                        .process(new DailyRollup(config.minCount()))
                        .name("daily roll-up")
                        .uid("hotspots-daily-rollup");

        DataStream<HotspotCell> cells =
                statistics(hourly, config, "hourly").union(statistics(daily, config, "daily"));
        return new Outputs(hourly, daily, cells, late);
    }

    /** One window statistics operator per granularity: see {@link WindowStatistics}. */
    private static SingleOutputStreamOperator<HotspotCell> statistics(
            DataStream<CellWindow> windows, HotspotConfig config, String granularity) {
        return windows.keyBy(window -> window.granularity.name(), Types.STRING)
                .process(
                        new WindowStatistics(config),
                        SpecificRecordTypeInfo.forClass(HotspotCell.class))
                .setParallelism(1)
                .name(granularity + " statistics")
                .uid("hotspots-" + granularity + "-statistics");
    }

    /** Counts too-late events in the {@code lateEvents} metric and de-identifies them further. */
    static class CountLate extends RichMapFunction<HotspotEvent, LateEvent> {
        private transient Counter lateEvents;

        @Override
        public void open(OpenContext openContext) {
            lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
        }

        @Override
        public LateEvent map(HotspotEvent event) {
            lateEvents.inc();
            return LateEvent.of(event);
        }
    }
}
