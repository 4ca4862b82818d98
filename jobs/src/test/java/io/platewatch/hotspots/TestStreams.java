package io.platewatch.hotspots;

import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.functions.FromElementsGeneratorFunction;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Bounded in-memory inputs for pipeline tests. */
final class TestStreams {

    private TestStreams() {}

    /** The elements in order, from one source task, with the given watermarks. */
    static <T> DataStream<T> of(
            StreamExecutionEnvironment env,
            TypeInformation<T> type,
            WatermarkStrategy<T> watermarks,
            String name,
            List<T> elements) {
        @SuppressWarnings("unchecked")
        T[] array = elements.toArray((T[]) new Object[0]);
        DataGeneratorSource<T> source =
                new DataGeneratorSource<>(
                        new FromElementsGeneratorFunction<>(type, array), elements.size(), type);
        return env.fromSource(source, watermarks, name).setParallelism(1);
    }

    /**
     * Hot-spot events whose watermark moves with every event to its time minus one millisecond, so
     * a test decides exactly which events are on time, late, or too late.
     */
    static WatermarkStrategy<HotspotEvent> watermarkPerEvent() {
        return WatermarkStrategy.<HotspotEvent>forGenerator(context -> new EveryEvent())
                .withTimestampAssigner((event, ts) -> event.eventTime);
    }

    private static final class EveryEvent implements WatermarkGenerator<HotspotEvent> {
        private long newest = Long.MIN_VALUE;

        @Override
        public void onEvent(HotspotEvent event, long timestamp, WatermarkOutput output) {
            newest = Math.max(newest, timestamp);
            output.emitWatermark(new Watermark(newest - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {}
    }
}
