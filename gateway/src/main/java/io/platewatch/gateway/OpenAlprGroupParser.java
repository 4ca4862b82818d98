package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.VehicleDescription;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * OpenALPR / Rekor Scout {@code alpr_group}: one message per vehicle passage, with the best plate
 * over all frames. The read id is the best frame's uuid, which the agent keeps when it re-sends a
 * group, so a resent group maps to the same read.
 *
 * <p>The group's {@code is_parked} and {@code is_preview} flags have no place in a read and are
 * dropped; a preview group and its final group become two reads with different ids when their best
 * frames differ.
 */
final class OpenAlprGroupParser implements MessageParser {

    @Override
    public List<PlateRead> parse(JsonNode message, Camera camera, Instant receivedAt) {
        String plate = JsonFields.requireText(message, "best_plate_number", "best_plate_number");
        JsonNode bestPlate = message.get("best_plate");
        Double confidence =
                JsonFields.optionalNumber(message, "best_confidence", "best_confidence");
        if (confidence == null && bestPlate != null && bestPlate.isObject()) {
            confidence =
                    JsonFields.optionalNumber(bestPlate, "confidence", "best_plate.confidence");
        }
        if (confidence == null) {
            throw IngestException.missing("best_confidence");
        }
        PlateRead.Builder read =
                VendorFields.readFor(camera, receivedAt)
                        .setReadId(readId(message))
                        .setPlate(plate)
                        .setConfidence(VendorFields.percent(confidence, "best_confidence"))
                        .setCapturedAt(capturedAt(message))
                        .setCandidates(
                                VendorFields.candidates(
                                        message.get("candidates"),
                                        plate,
                                        "confidence",
                                        true,
                                        "candidates"))
                        .setPosition(
                                VendorFields.position(
                                        JsonFields.optionalNumber(
                                                message, "gps_latitude", "gps_latitude"),
                                        JsonFields.optionalNumber(
                                                message, "gps_longitude", "gps_longitude"),
                                        camera,
                                        "gps_latitude"))
                        .setVehicle(vehicle(message.get("vehicle")));
        String region = VendorFields.region(regionCode(message, bestPlate));
        if (region != null) {
            read.setRegion(region);
        }
        Double heading = JsonFields.optionalNumber(message, "travel_direction", "travel_direction");
        if (heading != null) {
            read.setHeadingDegrees(heading.floatValue());
        }
        String bestUuid = JsonFields.optionalText(message, "best_uuid", "best_uuid");
        read.setImageUri(camera.imageUri(bestUuid == null ? null : bestUuid + ".jpg"));
        return List.of(read.build());
    }

    @Override
    public String cameraIdOf(JsonNode message) {
        return JsonFields.optionalText(message, "camera_id", "camera_id");
    }

    /** The best frame's uuid, else the first frame's: both stay the same when a group is resent. */
    private static String readId(JsonNode message) {
        String bestUuid = JsonFields.optionalText(message, "best_uuid", "best_uuid");
        if (bestUuid != null) {
            return bestUuid;
        }
        JsonNode uuids = message.get("uuids");
        if (uuids != null && uuids.isArray() && !uuids.isEmpty() && uuids.get(0).isTextual()) {
            return uuids.get(0).textValue();
        }
        throw IngestException.missing("best_uuid");
    }

    /** The best frame's time when the agent reports it, else the start of the group. */
    private static Instant capturedAt(JsonNode message) {
        Instant start = JsonFields.requireEpochMillis(message, "epoch_start", "epoch_start");
        if (message.hasNonNull("best_uuid_epoch_ms")) {
            return JsonFields.requireEpochMillis(
                    message, "best_uuid_epoch_ms", "best_uuid_epoch_ms");
        }
        return start;
    }

    private static String regionCode(JsonNode message, JsonNode bestPlate) {
        String region = JsonFields.optionalText(message, "best_region", "best_region");
        if (region == null && bestPlate != null && bestPlate.isObject()) {
            region = JsonFields.optionalText(bestPlate, "region", "best_plate.region");
        }
        return region;
    }

    /**
     * Vehicle attributes from the group's label lists. OpenALPR names models "make_model" (for
     * example "toyota_corolla"); the make prefix is cut off for the model field.
     */
    static VehicleDescription vehicle(JsonNode vehicle) {
        if (vehicle == null || !vehicle.isObject()) {
            return null;
        }
        String make = VendorFields.topLabel(vehicle, "make");
        String makeModel = VendorFields.topLabel(vehicle, "make_model");
        String model = makeModel;
        if (makeModel != null && make != null) {
            String prefix = make.toLowerCase(Locale.ROOT) + "_";
            if (makeModel.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                model = makeModel.substring(prefix.length());
            }
        }
        String colour = VendorFields.topLabel(vehicle, "color");
        String type = VendorFields.topLabel(vehicle, "body_type");
        if (make == null && model == null && colour == null && type == null) {
            return null;
        }
        return new VehicleDescription(make, model, colour, type);
    }
}
