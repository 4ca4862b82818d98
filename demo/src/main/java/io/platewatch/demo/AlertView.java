package io.platewatch.demo;

import io.platewatch.schemas.Alert;
import java.time.Instant;

/**
 * The part of an alert the terminal shows. The plate is masked here, at the source, so no code
 * after this point can print it in full: a terminal line is not the place for personal data.
 *
 * @param emittedAt when the alerting job emitted the alert
 * @param matchKind EXACT, LOOK_ALIKE, CANDIDATE or WILDCARD
 * @param historical whether the read predates the flag
 * @param replayed whether the read was stored before this run began: the job, restarted, read it
 *     again from its last committed offset
 * @param siteId site of the read
 * @param flagCategory category of the flag that matched
 * @param audienceLevel sharing level of the alert's audience
 * @param maskedPlate first characters of the plate, the rest hidden
 * @param latencyMillis read-to-alert latency: emittedAt - ingestedAt
 */
public record AlertView(
        Instant emittedAt,
        String matchKind,
        boolean historical,
        boolean replayed,
        String siteId,
        String flagCategory,
        String audienceLevel,
        String maskedPlate,
        long latencyMillis) {

    /** Characters of the plate left visible. */
    static final int VISIBLE_CHARACTERS = 2;

    /** The view of an alert; reads ingested before {@code runStart} count as replayed. */
    static AlertView of(Alert alert, Instant runStart) {
        return new AlertView(
                alert.getEmittedAt(),
                alert.getMatchKind().name(),
                alert.getHistorical(),
                alert.getIngestedAt().isBefore(runStart),
                alert.getSiteId(),
                alert.getFlagCategory().name(),
                alert.getAudience().getLevel().name(),
                mask(alert.getPlate()),
                alert.getEmittedAt().toEpochMilli() - alert.getIngestedAt().toEpochMilli());
    }

    /** The first two characters and a fixed-length tail, so the length is not shown either. */
    /** Whether the alert says how fast a live read became an alert. */
    boolean measuresLatency() {
        return !historical && !replayed;
    }

    static String mask(String plate) {
        if (plate == null || plate.isEmpty()) {
            return "***";
        }
        return plate.substring(0, Math.min(VISIBLE_CHARACTERS, plate.length())) + "***";
    }
}
