package io.platewatch.hotspots;

/** What a hot-spot event counts towards. */
public enum EventKind {
    /** A reported incident: counted by category, its value summed. */
    INCIDENT,
    /** A live read of a flagged vehicle (a non-historical alert). */
    FLAGGED_SIGHTING,
    /** Any plate read: the traffic that makes the other counts comparable. */
    READ
}
