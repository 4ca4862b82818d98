package io.platewatch.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.platewatch.schemas.PlateRead;
import io.platewatch.schemas.TravelDirection;
import io.platewatch.schemas.VehicleDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plate Recognizer results: the Stream webhook ({@code {"hook": ..., "data": {...}}}) and the
 * Snapshot API response (the same fields at top level). Each entry of {@code results} becomes a
 * read whose id is the frame's file name (else its timestamp) plus the entry's index, so a resent
 * webhook maps to the same reads.
 *
 * <p>Scores are 0 to 1 already; {@code score} is the OCR confidence, {@code dscore} the detection
 * score, which a read does not carry. Stream candidates come without scores and get confidence 0.
 */
final class PlateRecognizerParser implements MessageParser {

    @Override
    public List<PlateRead> parse(JsonNode message, Camera camera, Instant receivedAt) {
        boolean webhook = message.has("data");
        JsonNode body = webhook ? JsonFields.requireObject(message, "data", "data") : message;
        String prefix = webhook ? "data." : "";
        Instant capturedAt = JsonFields.requireTimestamp(body, "timestamp", prefix + "timestamp");
        String filename = JsonFields.optionalText(body, "filename", prefix + "filename");
        String frameId = filename != null ? filename : capturedAt.toString();
        JsonNode results = JsonFields.requireArray(body, "results", prefix + "results");
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String path = prefix + "results[" + i + "]";
            reads.add(
                    result(
                            results.get(i),
                            path,
                            frameId + "#" + i,
                            capturedAt,
                            filename,
                            camera,
                            receivedAt));
        }
        return reads;
    }

    @Override
    public String cameraIdOf(JsonNode message) {
        JsonNode body = message.has("data") ? message.get("data") : message;
        return body.isObject() ? JsonFields.optionalText(body, "camera_id", "camera_id") : null;
    }

    private static PlateRead result(
            JsonNode result,
            String path,
            String readId,
            Instant capturedAt,
            String filename,
            Camera camera,
            Instant receivedAt) {
        if (!result.isObject()) {
            throw IngestException.malformed(path, path + " must be an object");
        }
        String plate = JsonFields.requireText(result, "plate", path + ".plate");
        double score = JsonFields.requireNumber(result, "score", path + ".score");
        PlateRead.Builder read =
                VendorFields.readFor(camera, receivedAt)
                        .setReadId(readId)
                        .setPlate(plate)
                        .setConfidence(VendorFields.unit(score, path + ".score"))
                        .setCapturedAt(capturedAt)
                        .setCandidates(
                                VendorFields.candidates(
                                        result.get("candidates"),
                                        plate,
                                        "score",
                                        false,
                                        path + ".candidates"))
                        .setPosition(VendorFields.position(null, null, camera, "position"))
                        .setDirection(direction(result.get("orientation")))
                        .setVehicle(vehicle(result))
                        .setImageUri(camera.imageUri(filename));
        JsonNode region = result.get("region");
        if (region != null && region.isObject()) {
            String code =
                    VendorFields.region(
                            JsonFields.optionalText(region, "code", path + ".region.code"));
            if (code != null) {
                read.setRegion(code);
            }
        }
        JsonNode heading = result.get("direction");
        if (heading != null && heading.isNumber()) {
            read.setHeadingDegrees(heading.floatValue());
        }
        return read.build();
    }

    /** A vehicle seen from the front is coming towards the camera; from the rear, going away. */
    private static TravelDirection direction(JsonNode orientation) {
        if (orientation == null || !orientation.isArray() || orientation.isEmpty()) {
            return TravelDirection.UNKNOWN;
        }
        String best = orientation.get(0).path("orientation").asText("").toLowerCase(Locale.ROOT);
        return switch (best) {
            case "front" -> TravelDirection.APPROACHING;
            case "rear" -> TravelDirection.DEPARTING;
            default -> TravelDirection.UNKNOWN;
        };
    }

    private static VehicleDescription vehicle(JsonNode result) {
        String type = result.path("vehicle").path("type").asText(null);
        JsonNode makeModel = result.path("model_make").path(0);
        String make = makeModel.path("make").asText(null);
        String model = makeModel.path("model").asText(null);
        String colour = result.path("color").path(0).path("color").asText(null);
        if (type == null && make == null && model == null && colour == null) {
            return null;
        }
        return new VehicleDescription(make, model, colour, type);
    }
}
