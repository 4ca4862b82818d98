package io.platewatch.hotspots;

/**
 * An event that arrived after its hour's allowed lateness and so updated nothing. Counted, not
 * dropped silently: the job sends these to their own sink and counts them in a metric.
 */
public class LateEvent {

    public EventKind kind;
    public long cell;
    public long eventTime;

    /** Start of the hour the event belonged to. */
    public long windowStart;

    public LateEvent() {}

    public static LateEvent of(HotspotEvent event) {
        LateEvent late = new LateEvent();
        late.kind = event.kind;
        late.cell = event.cell;
        late.eventTime = event.eventTime;
        late.windowStart =
                event.eventTime - Math.floorMod(event.eventTime, HotspotPipeline.HOUR_MS);
        return late;
    }

    @Override
    public String toString() {
        return "late " + kind + "@" + Long.toHexString(cell) + "/" + eventTime;
    }
}
