package io.platewatch.hotspots;

/**
 * The de-identified form in which every input enters the windows: a cell, a time, what it counts
 * towards and, for incidents, category and value. Plates, read ids, camera ids, sites and
 * organisations are dropped by the mapping step before anything is keyed or stored in state.
 *
 * <p>A Flink POJO (public fields, no-argument constructor) so it is serialised without Kryo.
 */
public class HotspotEvent {

    /** H3 cell index at the job's resolution. */
    public long cell;

    public EventKind kind;

    /** Event time in epoch milliseconds: capture time of reads, occurrence time of incidents. */
    public long eventTime;

    /** {@link io.platewatch.schemas.IncidentCategory} ordinal for incidents, -1 otherwise. */
    public int category = -1;

    /** Value of an incident in minor currency units; null when unknown or not an incident. */
    public Long valueCents;

    /**
     * For flagged sightings: a 64-bit hash of the read's (camera, read id), so that one read that
     * matched several flags counts as one sighting. It never leaves the job's window state.
     */
    public long sightingKey;

    public HotspotEvent() {}

    public static HotspotEvent incident(long cell, long eventTime, int category, Long valueCents) {
        HotspotEvent event = new HotspotEvent();
        event.cell = cell;
        event.kind = EventKind.INCIDENT;
        event.eventTime = eventTime;
        event.category = category;
        event.valueCents = valueCents;
        return event;
    }

    public static HotspotEvent sighting(long cell, long eventTime, long sightingKey) {
        HotspotEvent event = new HotspotEvent();
        event.cell = cell;
        event.kind = EventKind.FLAGGED_SIGHTING;
        event.eventTime = eventTime;
        event.sightingKey = sightingKey;
        return event;
    }

    public static HotspotEvent read(long cell, long eventTime) {
        HotspotEvent event = new HotspotEvent();
        event.cell = cell;
        event.kind = EventKind.READ;
        event.eventTime = eventTime;
        return event;
    }

    @Override
    public String toString() {
        // Safe to log: nothing in an event identifies a vehicle or a person.
        return kind + "@" + Long.toHexString(cell) + "/" + eventTime;
    }
}
