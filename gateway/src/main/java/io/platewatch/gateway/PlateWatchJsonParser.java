package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleDescription;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Our own JSON: the fields of {@link PlateRead} by name, with {@code capturedAt} as ISO-8601 text
 * or epoch milliseconds. Site and organisation come from the camera's configuration; a message that
 * names others is refused. {@code receivedAt} is always the gateway's own clock.
 */
final class PlateWatchJsonParser implements MessageParser {

    @Override
    public List<PlateRead> parse(JsonNode message, Camera camera, Instant receivedAt) {
        String plate = JsonFields.requireText(message, "plate", "plate");
        double confidence = JsonFields.requireNumber(message, "confidence", "confidence");
        requireSame(message, "siteId", camera.siteId());
        requireSame(message, "organisationId", camera.organisationId());
        PlateRead.Builder read =
                VendorFields.readFor(camera, receivedAt)
                        .setReadId(JsonFields.requireText(message, "readId", "readId"))
                        .setPlate(plate)
                        .setConfidence(VendorFields.unit(confidence, "confidence"))
                        .setCapturedAt(
                                JsonFields.requireTimestamp(message, "capturedAt", "capturedAt"))
                        .setCandidates(
                                VendorFields.candidates(
                                        message.get("candidates"),
                                        plate,
                                        "confidence",
                                        false,
                                        "candidates"))
                        .setPosition(position(message, camera))
                        .setDirection(direction(message))
                        .setVehicle(vehicle(message.get("vehicle")))
                        .setImageUri(JsonFields.optionalText(message, "imageUri", "imageUri"));
        String region = JsonFields.optionalText(message, "region", "region");
        if (region != null) {
            String normalised = VendorFields.region(region);
            if (normalised == null) {
                throw IngestException.impossible(
                        "region", "region must be an ISO 3166 code such as NZ or US-CA");
            }
            read.setRegion(normalised);
        }
        Double heading = JsonFields.optionalNumber(message, "headingDegrees", "headingDegrees");
        if (heading != null) {
            read.setHeadingDegrees(heading.floatValue());
        }
        return List.of(read.build());
    }

    @Override
    public String cameraIdOf(JsonNode message) {
        return JsonFields.optionalText(message, "cameraId", "cameraId");
    }

    private static void requireSame(JsonNode message, String field, String expected) {
        String given = JsonFields.optionalText(message, field, field);
        if (given != null && !given.equals(expected)) {
            throw new IngestException(
                    403,
                    "wrong_" + field,
                    field,
                    field + " " + given + " is not the one configured for this camera");
        }
    }

    private static io.platewatch.schemas.GeoPoint position(JsonNode message, Camera camera) {
        JsonNode position = message.get("position");
        if (position == null || position.isNull()) {
            return VendorFields.position(null, null, camera, "position");
        }
        if (!position.isObject()) {
            throw IngestException.malformed("position", "position must be an object");
        }
        return VendorFields.position(
                JsonFields.requireNumber(position, "lat", "position.lat"),
                JsonFields.requireNumber(position, "lon", "position.lon"),
                camera,
                "position");
    }

    private static TravelDirection direction(JsonNode message) {
        String direction = JsonFields.optionalText(message, "direction", "direction");
        if (direction == null) {
            return TravelDirection.UNKNOWN;
        }
        try {
            return TravelDirection.valueOf(direction.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw IngestException.impossible(
                    "direction", "direction must be APPROACHING, DEPARTING or UNKNOWN");
        }
    }

    private static VehicleDescription vehicle(JsonNode vehicle) {
        if (vehicle == null || vehicle.isNull()) {
            return null;
        }
        if (!vehicle.isObject()) {
            throw IngestException.malformed("vehicle", "vehicle must be an object");
        }
        return new VehicleDescription(
                JsonFields.optionalText(vehicle, "make", "vehicle.make"),
                JsonFields.optionalText(vehicle, "model", "vehicle.model"),
                JsonFields.optionalText(vehicle, "colour", "vehicle.colour"),
                JsonFields.optionalText(vehicle, "type", "vehicle.type"));
    }
}
