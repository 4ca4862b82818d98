package io.platewatch.alerting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers. An alert id is a name-based UUID (version 3, from the JDK) of the
 * camera id, read id and flag id, so reprocessing after a failure, or a replayed read, yields the
 * same id and every consumer can deduplicate and every store can upsert. Each part is written with
 * its length in front, so ids that contain the separator cannot collide ("a|b" + "c" versus "a" +
 * "b|c"). A type prefix keeps the id spaces of alerts, evidence links and incident flags apart.
 */
public final class AlertIds {

    private AlertIds() {}

    /** Id of the alert for (read, flag). */
    public static String alertId(String cameraId, String readId, String flagId) {
        return nameUuid("platewatch.alert", cameraId, readId, flagId);
    }

    /** Id of the evidence link for (read, flag). */
    public static String evidenceLinkId(String cameraId, String readId, String flagId) {
        return nameUuid("platewatch.evidence-link", cameraId, readId, flagId);
    }

    /**
     * Id of the flag made for one vehicle of an incident, from the incident id, the normalised
     * plate and the region, so a re-sent incident updates the same flags instead of adding new.
     */
    public static String incidentFlagId(String incidentId, String plate, String region) {
        return nameUuid(
                "platewatch.incident-flag", incidentId, plate, region == null ? "" : region);
    }

    private static String nameUuid(String type, String... parts) {
        StringBuilder name = new StringBuilder(type);
        for (String part : parts) {
            name.append('|').append(part.length()).append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
