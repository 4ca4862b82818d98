package io.platewatch.hotspots;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds the events of one cell and hour into {@link CellCounts}, one event at a time. */
public class CellCountsAggregate
        implements AggregateFunction<HotspotEvent, CellCounts, CellCounts> {

    @Override
    public CellCounts createAccumulator() {
        return new CellCounts();
    }

    @Override
    public CellCounts add(HotspotEvent event, CellCounts counts) {
        return counts.add(event);
    }

    @Override
    public CellCounts getResult(CellCounts counts) {
        return counts;
    }

    @Override
    public CellCounts merge(CellCounts a, CellCounts b) {
        return a.merge(b);
    }
}
