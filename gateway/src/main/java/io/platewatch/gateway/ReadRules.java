package io.platewatch.gateway;

import io.platewatch.schemas.GeoPoint;
import io.platewatch.schemas.PlateCandidate;
import io.platewatch.schemas.PlateRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Checks that a mapped read can be true: a plate of sane length and characters, confidences in
 * range, a position on Earth, a heading on the compass and a capture time within the configured
 * window around the gateway clock. One method per rule; each failure names its field and the limit,
 * never the value of a plate.
 */
public final class ReadRules {
    /** Letters, digits, spaces and dashes: every plate alphabet the cameras report. */
    private static final Pattern PLATE = Pattern.compile("[\\p{L}\\p{Nd}][\\p{L}\\p{Nd} -]*");

    private static final int MAX_PLATE_LENGTH = 16;
    private static final int MAX_ID_LENGTH = 200;

    private final Clock clock;
    private final Duration maxFutureSkew;
    private final Duration maxPastAge;

    public ReadRules(Clock clock, Duration maxFutureSkew, Duration maxPastAge) {
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.maxPastAge = maxPastAge;
    }

    /** Throws {@link IngestException} on the first rule {@code read} breaks. */
    public void check(PlateRead read) {
        readId(read.getReadId());
        plate(read.getPlate(), "plate");
        for (PlateCandidate candidate : read.getCandidates()) {
            plate(candidate.getPlate(), "candidates.plate");
            confidence(candidate.getConfidence(), "candidates.confidence");
        }
        confidence(read.getConfidence(), "confidence");
        position(read.getPosition());
        heading(read.getHeadingDegrees());
        capturedAt(read.getCapturedAt());
    }

    void readId(String readId) {
        if (readId.length() > MAX_ID_LENGTH) {
            throw IngestException.impossible(
                    "readId", "read id must be at most " + MAX_ID_LENGTH + " characters");
        }
    }

    void plate(String plate, String field) {
        String stripped = plate.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_PLATE_LENGTH) {
            throw IngestException.impossible(
                    field, field + " must have 1 to " + MAX_PLATE_LENGTH + " characters");
        }
        if (!PLATE.matcher(stripped).matches()) {
            throw IngestException.impossible(
                    field, field + " may hold only letters, digits, spaces and dashes");
        }
    }

    void confidence(float confidence, String field) {
        if (!(confidence >= 0f && confidence <= 1f)) {
            throw IngestException.impossible(field, field + " must be between 0 and 1");
        }
    }

    void position(GeoPoint position) {
        if (!(position.getLat() >= -90 && position.getLat() <= 90)) {
            throw IngestException.impossible("latitude", "latitude must be between -90 and 90");
        }
        if (!(position.getLon() >= -180 && position.getLon() <= 180)) {
            throw IngestException.impossible("longitude", "longitude must be between -180 and 180");
        }
    }

    void heading(Float heading) {
        if (heading != null && !(heading >= 0f && heading <= 360f)) {
            throw IngestException.impossible(
                    "headingDegrees", "heading must be between 0 and 360 degrees");
        }
    }

    void capturedAt(Instant capturedAt) {
        Instant now = clock.instant();
        if (capturedAt.isAfter(now.plus(maxFutureSkew))) {
            throw IngestException.impossible(
                    "capturedAt",
                    "capture time is more than "
                            + maxFutureSkew
                            + " ahead of the gateway clock; check the camera clock");
        }
        if (capturedAt.isBefore(now.minus(maxPastAge))) {
            throw IngestException.impossible(
                    "capturedAt", "capture time is older than the accepted " + maxPastAge);
        }
    }
}
